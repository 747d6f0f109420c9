"""Korean particles after a name the page does not know in advance: 산업통상자원부와,
마키나락스와, LG전자와 — not '산업통상자원부과(와)'. The particle follows the sound of the
name's last syllable: a final consonant (받침) takes 과/을/은/이/으로, none takes
와/를/는/가/로 (and ㄹ takes 로). Latin letters and digits are read as Koreans read them
(LG → 엘지, SK → 에스케이, 3 → 삼)."""
from __future__ import annotations

# particle (either form) → (after a final consonant, after a vowel)
PAIRS: dict[str, tuple[str, str]] = {}
for _with, _without in (("과", "와"), ("을", "를"), ("은", "는"), ("이", "가"), ("으로", "로"), ("아", "야"),
                        ("이나", "나"), ("이라", "라")):
    PAIRS[_with] = PAIRS[_without] = (_with, _without)

# the final consonant index (0: none, 8: ㄹ) of how a digit or a letter is read
_DIGITS = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}  # 영 일 이 삼 사 오 육 칠 팔 구
_LETTERS = {c: 0 for c in "abcdefghijkopqstuvwxyz"} | {"l": 8, "m": 16, "n": 4, "r": 8}   # 엘 엠 엔 알


def final_consonant(word: str) -> int | None:
    """The 받침 index (0 for none) of the last letter that is read aloud, or None when
    there is none to read (no Hangul, letter or digit at the end)."""
    for c in reversed(word.strip()):
        if "가" <= c <= "힣":
            return (ord(c) - 0xAC00) % 28
        if c.isdigit() and c in _DIGITS:
            return _DIGITS[c]
        if c.lower() in _LETTERS:
            return _LETTERS[c.lower()]
        if c.isalnum():
            return None
    return None


def particle(word: str, which: str) -> str:
    """The form of the particle `which` (과 or 와, 을 or 를, …) that follows `word`;
    '과(와)' when the word's sound is unknown."""
    pair = PAIRS.get(which)
    if pair is None:
        return which
    jong = final_consonant(word)
    if jong is None:
        return f"{pair[0]}({pair[1]})"
    if pair[0] == "으로":
        return "로" if jong in (0, 8) else "으로"
    return pair[1] if jong == 0 else pair[0]


def with_particle(word: str, which: str) -> str:
    """The word followed by the right particle: with_particle('산업통상자원부', '와') → '산업통상자원부와'."""
    return str(word) + particle(str(word), which)

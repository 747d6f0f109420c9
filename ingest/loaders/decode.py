"""Bytes → clean text: encoding detection, binary rejection, Unicode normalisation.

Korean documents arrive in UTF-8, UTF-16 (with a BOM, from Windows tools) and CP949 /
EUC-KR (older government sites and HWP exports). Detection order: BOM, a declared
charset (HTML), strict UTF-8, mostly UTF-8, strict CP949 (a superset of EUC-KR), mostly
CP949, then charset-normalizer.

"Mostly" (`MOSTLY`): a file with a few bad bytes among many good characters of one codec
(a truncated copy, one corrupt line) is that codec with the bad bytes as U+FFFD and a
warning for the ingest report. Handing it to a detector instead read 산업부 as the Cyrillic
`м‚°м—…л¶Ђ`, or refused a whole file for 4 bytes. CP949 read as UTF-8 is almost all bad
bytes, so the two never mistake each other.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ingest.loaders.base import PathLoadError

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG: labels that browsers decode with another codec than Python's namesake.
_CHARSET_ALIASES = {"euc-kr": "cp949", "euckr": "cp949", "ks_c_5601-1987": "cp949", "ks_c_5601": "cp949",
                    "korean": "cp949", "windows-949": "cp949", "x-windows-949": "cp949", "uhc": "cp949",
                    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
                    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8"}
MOSTLY = 10  # good non-ASCII characters per bad byte, at least, to decode with replacement
CONTROL_RATIO_MAX = 0.10  # more control characters than this and the "text" is binary
_SAMPLE = 65536
_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte the codec could not read, kept by surrogateescape
_NON_ASCII = re.compile("[^\x00-\x7f]")


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    replaced: int = 0  # bad bytes decoded as U+FFFD (see MOSTLY); the warnings say so


def decode_bytes(data: bytes, path: Path | str, declared: str | None = None) -> Decoded:
    """Decode `data` or raise PathLoadError ('binary file …', 'undecodable text …')."""
    warnings: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            if enc == "utf-8-sig" and (got := _mostly(data[len(bom):], "utf-8", warnings, len(bom))):
                return _checked(got[0], "utf-8", path, warnings, got[1])
            return _checked(_strict(data[len(bom):], enc, path, len(bom)), enc.replace("-sig", ""), path, warnings)
    if b"\x00" in data:
        enc = _sniff_utf16(data)
        text = _try_decode(data, enc) if enc else None
        if enc is None or text is None:
            raise PathLoadError(path, "텍스트가 아닌 이진 파일입니다: NUL 바이트가 있습니다 (binary file, not text: contains NUL bytes)")
        return _checked(text, enc, path, warnings)
    if declared:
        enc = _codec(declared)
        if enc is None:
            warnings.append(f"unknown declared charset {declared!r} ignored")
        elif (text := _try_decode(data, enc)) is not None:
            return _checked(text, enc, path, warnings)
        else:
            warnings.append(f"declared charset {declared!r} does not fit the bytes; detected instead")
    for enc in ("utf-8", "cp949"):
        if (text := _try_decode(data, enc)) is not None:
            return _checked(text, enc, path, warnings)
        if got := _mostly(data, enc, warnings):
            return _checked(got[0], enc, path, warnings, got[1])
    try:
        from charset_normalizer import from_bytes  # noqa: PLC0415 (rarely needed, slow to import)
        best = from_bytes(data).best()
    except Exception:  # a detector failure is an undecodable file, not a crash
        best = None
    if best is None:
        raise PathLoadError(path, "문자 인코딩을 알 수 없어 읽지 못했습니다. UTF-8로 저장해 다시 넣으세요 (undecodable text: "
                                  "not UTF-8, UTF-16, CP949/EUC-KR or any encoding charset-normalizer recognises)")
    return _checked(str(best), str(best.encoding), path, warnings)


def _try_decode(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def _mostly(data: bytes, enc: str, warnings: list[str], offset: int = 0) -> tuple[str, int] | None:
    """(`data` in `enc` with its few bad bytes as U+FFFD, how many), with a warning saying
    how many and where the first is; None when bad bytes are more than 1 in MOSTLY good
    characters."""
    text = data.decode(enc, errors="surrogateescape")
    first_bad = _ESCAPED.search(text)
    if first_bad is None:
        return text, 0
    bad = len(_ESCAPED.findall(text))
    if len(_NON_ASCII.findall(text)) - bad < MOSTLY * bad:
        return None
    first = offset + len(text[:first_bad.start()].encode(enc, errors="surrogateescape"))
    label = enc.upper()
    warnings.append(f"{label}로 읽을 수 없는 바이트 {bad}개를 �로 바꿨습니다(처음 {first}번째 바이트) "
                    f"({bad} invalid {label} byte(s) replaced with U+FFFD, the first at byte {first})")
    return _ESCAPED.sub("\ufffd", text), bad


def _strict(data: bytes, enc: str, path: Path | str, offset: int = 0) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise PathLoadError(path, f"문자 인코딩 오류입니다: {enc} 기준 {offset + e.start}번째 바이트가 잘못됐습니다 "
                                  f"(undecodable text: invalid {enc} at byte {offset + e.start})") from None


def _codec(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
        b"a".decode(name)  # refuses bytes-to-bytes codecs (hex, base64, zlib…); b"" would not
    except LookupError:
        return None
    except UnicodeDecodeError:
        pass
    return name


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NULs (the high bytes of ASCII) all on one side of each pair."""
    sample = data[:_SAMPLE]
    if len(sample) % 2:
        sample = sample[:-1]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd and not even:
        return "utf-16-le"
    if even and not odd:
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str, path: Path | str, warnings: list[str], replaced: int = 0) -> Decoded:
    sample = text[:_SAMPLE]
    if sample:
        controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v" or "\x7f" <= ch < "\xa0")
        if "\x00" in sample or controls / len(sample) > CONTROL_RATIO_MAX:
            raise PathLoadError(path, "텍스트가 아닌 이진 파일입니다: 대부분 제어 문자입니다 "
                                      "(binary file, not text: mostly control characters)")
    return Decoded(text, encoding, warnings, replaced)


# --- normalisation -----------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u2060\ufeff\u00ad"))
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\f\v]")
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BLANKS = re.compile(r"\n{3,}")
_JAMO_RUN = re.compile(r"[\u3131-\u3163]{2,}")
# KS X 1001 spells a syllable outside its 2350 as HANGUL FILLER + initial + vowel + final
# (or a second filler): EUC-KR text with 똠 or 햏, decoded as CP949, arrives like this.
_FILLER_SYLLABLE = re.compile(r"\u3164([\u3131-\u314e])([\u314f-\u3163])([\u3131-\u314e\u3164])")

# Compatibility jamo (U+3131…) → positions in a precomposed syllable.
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


def normalize_text(text: str, *, collapse_blank_lines: bool = True) -> str:
    """NFC, no zero-width characters or BOMs, '\\n' newlines, no stray control characters,
    ordinary spaces, no trailing spaces; at most one blank line between paragraphs."""
    text = text.translate(_INVISIBLE)
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _FILLER_SYLLABLE.sub(_compose_filler, text)
    text = _JAMO_RUN.sub(_compose_jamo, text)
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    if collapse_blank_lines:
        text = _BLANKS.sub("\n\n", text)
    return text


def _compose_filler(m: re.Match[str]) -> str:
    lead, vowel = _INITIALS.find(m.group(1)), _VOWELS.find(m.group(2))
    tail = 0 if m.group(3) == "\u3164" else _FINALS.find(m.group(3))
    if lead < 0 or tail < 0:
        return m.group(0)
    return chr(0xAC00 + (lead * 21 + vowel) * 28 + tail)


def _compose_jamo(m: re.Match[str]) -> str:
    """Compose a run of compatibility jamo into syllables only when the whole run spells
    syllables (ㅎㅏㄴㄱㅡㄹ → 한글); ㅋㅋㅋ, ㅠㅠ and lone letters stay as written."""
    run, out, i, n = m.group(0), [], 0, len(m.group(0))
    while i < n:
        lead = _INITIALS.find(run[i])
        vowel = _VOWELS.find(run[i + 1]) if i + 1 < n else -1
        if lead < 0 or vowel < 0:
            return run
        i += 2
        tail = 0
        if i < n and (j := _FINALS.find(run[i])) > 0 and not (i + 1 < n and run[i + 1] in _VOWELS):
            tail, i = j, i + 1
        out.append(chr(0xAC00 + (lead * 21 + vowel) * 28 + tail))
    return "".join(out)

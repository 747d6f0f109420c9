"""Markdown → plain text, keeping paragraphs.

Line-based and regex-only (no Markdown library): every pattern is bounded to one line
and excludes its own delimiter, so hostile input stays linear (see the hostile-input
tests). Headings, emphasis, code spans, blockquotes, bullets, tables and HTML tags lose
their markup; links keep their text; images are dropped.
"""
from __future__ import annotations

import html
import re

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?:\[[ xX]\]\s+)?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\[\]\n]+\]:\s*\S")
_IMAGE = re.compile(r"!\[[^\[\]\n]*\](?:\([^()\n]*\)|\[[^\[\]\n]*\])")
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_LINK = re.compile(r"\[([^\[\]\n]*)\](?:\([^()\n]*\)|\[[^\[\]\n]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_CODE = re.compile(r"(?<!`)(`++)([^`\n]+)\1(?!`)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<!\*)\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)")  # also inside words: *출범*했다
_EM_UNDER = re.compile(r"(?<![_\w])_(?=\S)([^_\n]+?)(?<=\S)_(?![_\w])")
_STRIKE = re.compile(r"~~(?=\S)([^~\n]+?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def strip_markdown(text: str) -> str:
    """Plain text of a Markdown document (front matter already removed)."""
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        m = _FENCE.match(line)
        if fence is not None:  # inside a code block: keep the text as is
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
                out.append("")
            else:
                out.append(line)
            continue
        if m:
            fence = m.group(1)
            out.append("")
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            out.append("")  # the underline of a "Title\n=====" heading
            continue
        if _TABLE_RULE.match(line) or _REF_DEF.match(line):
            continue
        if _RULE.match(line):
            out.append("")
            continue
        out.append(_inline(_block(line)))
    return "\n".join(out)


def _block(line: str) -> str:
    line = _QUOTE.sub("", line)
    if _HEADING.match(line):
        line = _HEADING.sub("", line).rstrip()
        bare = line.rstrip("#")
        if bare != line and (not bare or bare[-1].isspace()):  # closing hashes: "## Title ##"
            line = bare.rstrip()
    line = _BULLET.sub(r"\1", line)
    if line.lstrip().startswith("|") or line.rstrip().endswith("|") and "|" in line.strip()[:-1]:
        line = "\t".join(cell.strip() for cell in line.strip().strip("|").split("|"))
    return line


def _inline(line: str) -> str:
    if not any(c in line for c in "[]`*_~<>\\&!"):
        return line
    if "![" in line:
        line = _DOUBLE_SPACE.sub(" ", _IMAGE.sub("", line))
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _TAG.sub("", line)
    line = _CODE.sub(r"\2", line)
    for _ in range(2):  # ***both*** = strong inside emphasis
        line = _STRONG.sub(r"\2", line)
        line = _EM_STAR.sub(r"\1", line)
        line = _EM_UNDER.sub(r"\1", line)
    line = _STRIKE.sub(r"\1", line)
    line = _ESCAPE.sub(r"\1", line)
    return html.unescape(line) if "&" in line else line

"""What a body runs with '진행': a campaign, contest or call, not any work in progress.

'진행하다' is as often 'carry on with' ('연구를 진행했다', '논의를 진행') as 'run': ANNOUNCES
reads it as running an initiative only for meetings (relations.py) and for what is run
as an event or a call (guideline: a body 'runs or holds' what it announces):

    환경부는 '녹색 전환 국민 캠페인'을 다음 주부터 진행한다       a campaign
    해양수산부는 '어촌 신활력 사업' 대상지 공모를 3월 31일까지 진행한다   the programme's call
"""
from __future__ import annotations

import re

from ingest.nlp.view import TextView

# heads of what is run as an event or a call ('국민 캠페인', '아이디어 공모전', '안전 점검 주간')
_RUN_HEAD = re.compile(r"(?:캠페인|공모전|공모|챌린지|축제|주간|캠프|페스티벌|경진대회|모집)$")
# the programme's call after its name: "'X 사업' 대상지 공모를", 'X 참여기업 모집을'
# ("'탄소중립 실천' 캠페인을 진행한다": a quoted name with the head outside its quotes)
_CALL_AFTER = re.compile(r"['’\"”」』]?\s(?:[가-힣]+\s)?(?:공모|모집|접수|신청\s?접수)(?:을|를)\s"
                         r"|['’\"”」』]\s(?:캠페인|공모전|챌린지|축제|캠프|페스티벌|경진대회)(?:을|를)\s")


def runs_call(view: TextView, m, t: int) -> bool:
    """Whether the initiative `m`, before '진행' at `t`, is run by the subject: it is a
    campaign, contest or call, or the sentence runs its call."""
    return _RUN_HEAD.search(view.text, m.start, m.end) is not None or _CALL_AFTER.match(view.text, m.end, t) is not None

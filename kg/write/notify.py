"""E-mail for alerts: one message per saved view with new hits, through the SMTP server
the settings name (KG_SMTP_HOST …). Off while KG_SMTP_HOST is empty; a view without an
address sends nothing. Delivery failures are reported, never raised into an ingest."""
from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from kg.write.saved import Hit, View
from kg.settings import Settings

log = logging.getLogger(__name__)


def message(settings: Settings, view: View, hits: list[Hit]) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = f"[정책 지식그래프] {view.name}: 새 소식 {len(hits)}건"
    msg["From"] = settings.smtp_from
    msg["To"] = view.email or ""
    lines = [f"«{view.name}» ({view.description})에 새 소식이 {len(hits)}건 있습니다.", ""]
    for h in hits:
        lines.append(f"- {h.summary}")
        if h.sentence:
            lines.append(f"  「{h.sentence}」")
        if h.doc:
            lines.append(f"  {h.title or ''} {('(' + h.date + ')') if h.date else ''} {h.doc}".rstrip())
    lines += ["", f"전체 목록: {settings.base_iri}saved/{view.id}"]
    msg.set_content("\n".join(lines))
    return msg


def mailer(settings: Settings, notes: list[str] | None = None):  # noqa: ANN201 (a notify callback)
    """A `notify(view, hits)` for kg.alerts.evaluate that e-mails, or None when off."""
    if not settings.smtp_host:
        return None

    def notify(view: View, hits: list[Hit]) -> None:
        if not view.email:
            return
        try:
            with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
                if settings.smtp_starttls:
                    smtp.starttls()
                if settings.smtp_user:
                    smtp.login(settings.smtp_user, settings.smtp_password)
                smtp.send_message(message(settings, view, hits))
        except (OSError, smtplib.SMTPException) as e:
            note = (f"알림 «{view.name}»을 {view.email}에 보내지 못했습니다 "
                    f"(could not e-mail the alert: {type(e).__name__}: {e})")
            log.warning(note)
            if notes is not None:
                notes.append(note)

    return notify

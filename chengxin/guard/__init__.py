"""The guard: scores e-mail for business-email-compromise (BEC) fraud.

The engine modules below are plain Python (functions and dataclasses, no Django
import); the app's Django layer (models, permissions, services, views) sits on top of
them and is called by the inbound pipeline (``chengxin.inbound.pipeline``), never calling back.

* :mod:`~chengxin.guard.message` - robust parsing of raw RFC 5322 bytes (decoding text
  with mail's Django-free :mod:`chengxin.mail.decoding`);
* :mod:`~chengxin.guard.confusables` - UTS #39 confusables and the visual key;
* :mod:`~chengxin.guard.domains` - IDNA forms and the offline Public Suffix List;
* :mod:`~chengxin.guard.lookalike` - known domains/addresses and lookalike checks;
* :mod:`~chengxin.guard.authentication` - DKIM, ARC, DMARC and Authentication-Results;
* :mod:`~chengxin.guard.content` - multilingual content signals and bank details;
* :mod:`~chengxin.guard.scoring` - everything combined into an :class:`Assessment`;
* :mod:`~chengxin.guard.signals` - signals and their translatable sentences;
* :mod:`~chengxin.guard.cli` - ``guard check message.eml``.
"""

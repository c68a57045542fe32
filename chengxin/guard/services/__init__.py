"""The guard's Django side, one module per concern (import from the module itself):

* :mod:`.assess` - assessing a stored message (``message_assess``): the engine fed what
  only the database knows;
* :mod:`.senders` - what is known of a message's sender (the known-sender index, earlier
  mail, contact details on file), addresses and domains as blocks name them;
* :mod:`.store` - storing an assessment and the bank details it found;
* :mod:`.alerts` - raising the alert: who is told, and the notice;
* :mod:`.closing` - closing an alert: safe by two people, or fraud (which blocks the
  sender);
* :mod:`.blocks` - senders confirmed fraudulent: which blocks catch a message, what
  confirming fraud blocks;
* :mod:`.reassess` - stored mail from a sender just blocked, assessed again;
* :mod:`.warn_buyer` - warning the real buyer by letter;
* :mod:`.steps` - what every step on an alert shares (the row lock, the step and audit).

Who may do what is ``chengxin.guard.permissions``; signals as sentences are
``chengxin.guard.sentences``. What other apps know (the bank details on file, what
attachments name) is handed in by the caller: the inbound pipeline
(``chengxin.inbound.pipeline``) runs a message's way in, and the guard calls neither
banking nor mail's services.
"""

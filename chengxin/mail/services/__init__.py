"""Mail's services, one module per concern (import from the module itself):

* :mod:`.ingest` - storing a raw message once (``message_ingest``);
* :mod:`.threads` - the conversation a message joins;
* :mod:`.linking` - the customer and contact a message is about;
* :mod:`.mailboxes` - connecting, changing, testing mailboxes;
* :mod:`.polling` - fetching new mail, each message handed to a ``receive`` callable;
* :mod:`.uploads` - .eml files users upload;
* :mod:`.cleaning` - text and addresses as mail stores them.

What happens to a message once stored is the inbound pipeline's (``chengxin.inbound``).
"""

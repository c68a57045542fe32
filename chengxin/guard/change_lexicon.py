"""The words of bank-change and contact-change requests, by concept, in ten languages.

Read by :mod:`chengxin.guard.change_requests`, which explains the concepts and the rules
that combine them. Each concept is a block of alternatives, one per line; a space in a
line means "any whitespace" (" ?": perhaps whitespace), ``{P}`` (Arabic) the optional
conjunction, preposition and article clitics (و ف ب ل ك ال). Patterns are folded like
the text (case, accents, Arabic hamza seats and ta marbuta, ё, traditional Chinese), so
they are written in ordinary spelling. Latin, Cyrillic and Arabic patterns match whole
words (stems end in ``\\w*``); Chinese and Japanese ones match anywhere.

Concepts (the rules that read them: chengxin.guard.change_requests): PAY (where money
goes), BANK (the nouns of PAY that only name a bank), CONTACT (a channel: e-mail,
webmail, phone, messenger), ADDRESS (counts as CONTACT when an e-mail address or a
reply verb is in the clause), EXCLUDE and EXCLUDE_CONTACT (look-alike nouns: "account
manager", "order number", "your bank details"), NEW, CHANGE, OLD, STOP (closed,
outdated, "do not pay to"), PAYDIR and CONTDIR (directives), REPLY (reply and write
verbs), SHIFT (from now on, instead, only this, this time, all correspondence),
EFFECTIVE (with immediate effect), NOW (after a noun: "the beneficiary is now"),
RECORDS (your records, register), CAUSE and CONTACT_CAUSE (audit, frozen, subsidiary,
partner; hacked, full, out of reach), NEG, ASSURE (unchanged, as before), WARN (fraud
warnings), HYPO (if you receive..., we received an e-mail claiming...), RECEIVED
(payment arrived), OUTGOING (the writer pays from another bank), PORTAL (a customer
portal's own data), LINK and PERSON (between a NEW word and its noun they mean the
word belongs to someone else: "the e-mail of our new forwarder"; PERSON also marks a
hand-over to a colleague). NEG_WINDOW: how many words before and after a CHANGE word a
negation still applies to it; NEW_WINDOW: how many words a NEW word may stand before
and after its noun (after only in languages whose adjectives follow the noun).
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["CJK_LANGUAGES", "LANGUAGE_ORDER", "LEXICON", "SPLITTERS", "STOPWORDS"]

LANGUAGE_ORDER = ("en", "es", "fr", "de", "pt", "tr", "ru", "ar", "ja", "zh")
CJK_LANGUAGES = frozenset({"zh", "ja"})

_ARABIC_CLITICS = r"(?:[وف])?(?:[بلك])?(?:ال|لل)?"


def _alternatives(block: str) -> str:
    lines = [line.strip() for line in block.strip().splitlines()]
    parts = [
        line.replace(" ?", r"\s*").replace(" ", r"\s+")
        for line in lines
        if line and not line.startswith("#")
    ]
    return "|".join(parts).replace("{P}", _ARABIC_CLITICS)


def _lexicon(**concepts: str) -> dict[str, str]:
    return {
        name: (block if name.endswith("_WINDOW") else _alternatives(block))
        for name, block in concepts.items()
    }


# Concepts that redirections without a "new" word need (every language has them):
#
# Requests that never say "new" or "changed": the money goes to someone else (a parent or
# group company, a collection agent, a factoring company the receivables were assigned
# to, a partner agency, a friend's company, the owner's personal card), or mail goes to
# another mailbox ("this address", "the address in my signature", "not to the general
# mailbox"). change_requests weighs these cues per message (its section 7). THIRD: a
# payee other than the writer's company; ASSIGN: receivables assigned or collected by
# another; HOLDER: an account held in someone's name; CONTRAST: "and not to", "instead
# of" (counts when the usual destination follows it); DEIXIS: "this address", "here",
# "my signature" (counts when the message writes an address). STORY: what went wrong, told to
# explain the request (an error in the account number, a transfer returned or rejected,
# an account in reconciliation); weighed only, since benign mail tells it too. ONLY:
# "use only", "nur", "仅"; LETTER: the details are in an enclosed or attached letter.
# PAYER: the remitter's name will differ (the writer pays through someone else).
# DISREGARD: "disregard the bank details of earlier mails" (not said of a contact noun:
# "ignore my previous e-mail" is benign). PAYMETHOD: money-transfer services other than
# a bank transfer (PayPal, Western Union, Alipay, crypto). COLLECT: the money will be
# received or collected by another entity ("will be received by our trading arm").
# DESIGNATED: an account "has been designated" (weighed only: "our designated account"
# is how ordinary proformas speak).
#
# Concepts for benign look-alikes. AMEND: the
# amendment of a letter of credit (its change words do not change the account); ASSURE:
# the details "stay as before" said after the noun, "already on file", "need not be
# changed"; HYPO: the reader checks a number seen in the writer's signature ("is this
# really your number?"); WARN: "we never ask", "do not believe it"; EXCLUDE: online banking and banking
# apps; EXCLUDE_CONTACT: a telephone system and its internal extensions.

# -- English --------------------------------------------------------------------------

_EN = _lexicon(
    PAY=r"""
        (?:deposit|banking|payment|remittance|bank) (?:details|data|information|info)
        ac+(?:ou|o|u)n?ts?
        bank detials
        bank deatils
        bank (?:letter|certificate|reference letter)
        account confirmation letter
        accounts?
        acct
        a/c
        bank(?:ing)?
        banks
        iban
        swift(?:\s+code)?
        bic
        beneficiary
        beneficiaries
        payee
        receiving bank
        routing number
        sort code
        (?:remittance|payment|wire|wiring|transfer) (?:details|instructions|information|info|coordinates|data)
        """,
    EXCLUDE=r"""
        (?:online|mobile|internet|e-|digital) ?banking
        banking (?:app|apps|application|platform|portal|services?)
        bank['’]?s? name|name of (?:our|the) bank
        (?:your|the) (?:issuing|opening|advising|confirming|negotiating|nominated|sending|paying) banks?
        (?:her|his|their) (?:\w+ )?accounts
        accounts (?:are |will be )?(?:now )?(?:handled|managed|served|covered|looked after)
        your (?:\w+ )?(?:bank(?:ing)? )?(?:details|information|info|accounts?|iban|beneficiary|banks?|remittance details|payment details)
        bank (?:is|are|will be) closed
        accounts? (?:manager|managers|executive|executives|team|department|dept|officer|rep|representative|statement|statements|payable|receivable|clerk|office|opening)
        key accounts?
        (?:your|customer|client|user|online|portal|web|platform|shop|store|social|e-?mail|mail|wechat|skype|linkedin|google|alibaba|amazon|login|demo|test|trial|free|premium|member|buyer|seller|vendor) accounts?
        (?:your|customer|client|user|online|portal|platform|member|buyer) \w+ accounts?
        statement of accounts?
        on account of
        (?:take|taking|took|taken|takes) (?:\w+ )?into account
        accounts for
        (?:to |will |must |should |can |cannot |could )account for
        bank (?:holiday|holidays|charges?|fees?|commission|slip|copy|receipt|statement|confirmation|advice|reference|ref|draft|guarantee|loan|hours)
        bank (?:transfer|wire|tt|t/t)(?! (?:details|instructions|information|info|data))
        banking (?:hours|day|days)
        power ?banks?
        (?:data|memory|food|world|blood|river|sperm|test) banks?
        """,
    CONTACT=r"""
        landline
        (?:direct|office|desk) (?:line|number)
        (?:e-?mail |mail )?domains?
        alias(?:es)?
        switchboard
        e-?mial\w*
        mial
        phone ?no
        (?:g|hot|ya|proton|fast)mail
        gmx
        outlook
        yahoo
        icloud
        yandex
        mail\.ru
        e-?mails?(?: address(?:es)?)?
        mail
        e-?mail account
        mail address
        mailbox
        mail box
        inbox
        phone(?: numbers?)?
        telephone(?: numbers?)?
        tel
        mobile(?: phone| numbers?)?
        cell(?: ?phone| numbers?)?
        cellphone
        numbers?
        whats ?app(?: numbers?)?
        we ?chat(?: id)?
        telegram
        skype(?: id)?
        viber
        contact (?:details|information|info|numbers?|e-?mail|address|data|channel)
        fax(?: numbers?)?
        """,
    EXCLUDE_CONTACT=r"""
        (?:tele)?phone system
        (?:internal|extension) (?:phone )?numbers?
        e-?mail (?:threads?|chains?|trails?|conversations?)
        (?:in|on) (?:all |every |each |your |our |the |future |further )*(?:e-?mails?|mails?|messages?|correspondence)
        (?:previous|last|earlier) e-?mail(?! address)
        (?:phone|telephone|telephony|switchboard|pbx) systems?
        tax (?:number|id|no)
        e-?mail signature
        (?:order|po|p/o|invoice|tracking|container|model|item|part|account|acct|reference|ref|batch|lot|serial|article|hs|vat|tax|registration|booking|shipment|b/l|bl|contract|pi|style|sku|quote|quotation|case|ticket|customer|client|vendor|supplier|seal|iban|routing|swift|product|page|version|pallet|carton|box|bank|license|licence|lc|l/c|cheque|check|awb) (?:no\.?|numbers?|nr)
        numbers? of
        numbers? (?:on|in) (?:the|your) (?:order|invoice|pi)
        (?:phone|mobile|cell(?: phone)?) (?:cases?|covers?|holders?|accessories|models?|stands?|screens?|chargers?|parts?|market)
        """,
    ADDRESS=r"""
        ad+res+(?:es)?
        address(?:es)?
        contacts?
        """,
    NEW=r"""
        dedicated
        separate
        second
        new
        newly (?:opened|created|established|registered|set up)
        different
        alternative
        alternate
        another
        other
        updated
        revised
        amended
        corrected
        latest
        temporary
        private
        personal
        backup
        secondary
        replacement
        correct
        """,
    CHANGE=r"""
        chnag\w*
        chage\w*
        chang
        opened
        supersed\w*
        chang(?:e|ed|es|ing)
        switch(?:ed|es|ing)?
        moved
        migrat\w*
        replac(?:e|ed|es|ing|ement)
        updat(?:e|ed|es|ing)(?! (?:you|u)\b)
        modif\w*
        amend(?:ed|ment|ments|ing)?
        revis(?:e|ed|ion|ions)
        correct(?:ed|ion|ions)
        alter(?:ed|ation|ations)
        redirect\w*
        re-?rout\w*
        transition(?:ed|ing)?
        relocat\w*
        """,
    OLD=r"""
        (?:ones|those) (?:\w+ ){0,3}?(?:on file|you have|saved|stored|registered|on record)
        old
        previous
        former
        earlier
        prior
        existing
        usual
        current
        """,
    STOP=r"""
        (?:got |was |been )?banned
        (?:do not|don't|dont) (?:\w+ ){0,3}?(?:by|via|over|per) (?:e-?mail|mail|phone)
        (?:cannot|can't|unable to) (?:currently )?(?:receive|accept)
        not (?:receiving|accepting)
        outdated
        out of date
        no longer current
        superseded
        closed(?! (?:on|for|during|over|until|till|from|due|because|today|tomorrow|this|next))
        frozen
        blocked
        suspended
        deactivated
        terminated
        discontinued
        cancell?ed
        invalid
        inactive
        obsolete
        void
        defunct
        expired
        dormant
        out of (?:service|use|order)
        not in use
        no longer
        not (?:be )?(?:valid|active|used|usable|working|operational|accepted|available|in use)
        (?:do not|don't|dont|never|stop|please not|kindly not|avoid) (?:\w+ ){0,2}?(?:pay|paying|send|sending|remit|remitting|transfer|transferring|use|using|wire|wiring|make|direct|credit|deposit|write|writing|reply|replying|contact|e-?mail|call)
        cannot (?:receive|accept)
        unable to (?:receive|accept)
        """,
    PAYDIR=r"""
        (?:the )?(?:money|funds|payment|balance) (?:goes|go|should go|will go|must go) to
        payable
        refund\w*
        use
        pay
        paid
        paying
        payments?
        remit\w*
        wire
        wired
        wiring
        transfer\w*
        send (?:the |all |any |your )?(?:funds|money|balance|deposit|amount|payments?|remittances?)
        sent
        deposit\w*
        settle\w*
        credit
        direct (?:all |the |your )?(?:payments?|funds|remittances?)
        receiv(?:e|ing) (?:all )?(?:payments?|funds|remittances?)
        accept(?:ing)? (?:payments?|funds)
        route\w*
        """,
    CONTDIR=r"""
        (?:be )?sent (?:directly )?to
        save
        store
        call
        ring
        dial
        reply
        replies
        respond
        write
        writing
        send
        sending
        forward\w*
        direct
        contact
        reach
        get in touch
        e-?mail (?:me|us)
        call (?:me|us)
        text (?:me|us)
        message (?:me|us)
        whatsapp (?:me|us)
        correspond\w*
        communicat\w*
        use
        using
        add (?:me|us)
        """,
    REPLY=r"""
        reply
        replies
        respond
        write
        writing
        answer
        e-?mail (?:me
        us)
        correspond\w*
        get back
        """,
    SHIFT=r"""
        exceptionally
        just (?:this|for this) once
        all (?:further |future |your |our |the )?(?:communications?|correspondence|replies|e-?mails|messages|enquiries|inquiries)
        from now on
        from now
        henceforth
        hereafter
        going forward
        moving forward
        in (?:the )?future
        for (?:all )?future
        future (?:payments?|invoices?|remittances?|transfers?|orders|shipments|correspondence|communications?|e-?mails?|messages?|contact)
        (?:with|from) immediate effect
        effective (?:immediately|today|now|from|as of)
        as of (?:today|now|this|next|the next|\d+|monday|tuesday|wednesday|thursday|friday|january|february|march|april|may|june|july|august|september|october|november|december)
        starting (?:today|now|from|with|this|next)
        from (?:today|tomorrow|this|next|the next) \w+(?: on(?:wards?)?)?
        from (?:today|tomorrow)(?: on(?:wards?)?)?
        until further notice
        for the time being
        temporar\w*
        instead
        rather than
        no longer
        any ?more
        this time
        for this (?:payment|invoice|order|transfer|shipment|transaction|one|time)
        (?:we|is|are|will|has|have|should|must|can|shall|would|kindly|please) now
        now (?:use|uses|using|receive|receiving|bank|banks|banking|hold|holds|accept|accepting|be|being|goes|go|directed|handled|processed)
        at the moment
        for now
        currently
        only (?:\w+ ){0,3}?(?:to|into|via|through|in|on|at|use) (?:this|these|the following|the below|the new|our new|my new|the above|below|above|account|bank|iban|e-?mail|number|address)
        (?:this|the following|the new|below) \w+(?: \w+)? only
        """,
    RECORDS=r"""
        register (?:the|our|this|these|it)
        your (?:records?|system|systems|database|vendor (?:file|master|records?|profile|details|data)|supplier (?:file|master|records?|profile|data)|master (?:data|file)|erp|accounting system|payment system|books|file|files|address book|contact list|contacts|payee list|beneficiary list)
        (?:vendor|supplier) (?:master|master data|master file|profile)
        """,
    CAUSE=r"""
        partner (?:company|firm)
        restructur\w*
        reorgani[sz]\w*
        merg(?:er|ed)
        audit\w*
        tax(?:es|ation)?(?! (?:id|no|number|code|invoice|registration|included|excluded|free|rate|rebate))
        frozen
        freez\w*
        suspend\w*
        blocked
        under (?:review|investigation|audit|maintenance|verification|restriction|restrictions|reconciliation)
        restrict\w*
        on hold
        investigat\w*
        compliance
        regulat\w*
        sanction\w*
        (?:currency|foreign exchange|forex|fx) (?:control|controls|restriction|restrictions|quota|limit|limits|regulations?)
        (?:year-?end|annual|quarterly) (?:audit|review|closing|reconciliation)
        subsidiar\w*
        affiliat\w*
        sister (?:company|concern|firm)
        parent company
        group company
        holding company
        offshore
        (?:problems?|issues?|trouble|difficult\w*) (?:with|on|in|at) (?:our|the|my)
        technical (?:problems?|issues?|reasons?)
        maintenance
        closed(?! (?:on|for|during|over|until|till|from|due|because|today|tomorrow|this|next))
        deactivated
        """,
    CONTACT_CAUSE=r"""
        monitored
        not (?:secure|safe)
        intercepted
        block(?:s|ed|ing)? (?:\w+ ){0,3}?attachments?
        attachments? (?:\w+ ){0,3}?(?:blocked|stripped|filtered|rejected)
        (?:no|without) access
        playing up
        acting up
        (?:cannot|can't|can not|unable to) (?:get|read|open)
        hack\w*
        compromis\w*
        (?:not|isn't|is not|stopped|isnt) working
        (?:is |was )?down
        out of (?:order|service)
        broken
        lost
        stolen
        full
        over (?:quota|capacity)
        quota
        problems?
        issues?
        trouble
        errors?
        glitch\w*
        maintenance
        migrat\w*
        blocked
        suspended
        disabled
        deactivated
        bounc\w*
        undeliverable
        not (?:receiving|reachable|available|accessible)
        (?:cannot|can't|can not|unable to) (?:receive|access|log|use|send)
        """,
    NEG=r"""
        not
        \w+n't
        no
        never
        nothing
        neither
        nor
        without
        none
        """,
    NEG_WINDOW="3 1",
    ASSURE=r"""
        already (?:have |has )?on (?:our )?(?:file|record)
        already registered
        (?:need|needs) not (?:be )?chang\w*
        (?:does|do) not need (?:to be |any )?chang\w*
        unchanged
        remain(?:s|ed)?(?! (?:balance|amount|payment|sum|\d))
        remaining (?:the same|unchanged|valid|in use|active)
        stay(?:s|ed)? (?:the )?same
        same
        as (?:usual|always|before|previously|agreed|known)
        as (?:\w+ ){0,2}?(?:on|in|per) (?:the |our |your )?(?:last|previous|earlier|prior|past|pi|proforma|pro-forma|invoice|contract|agreement|order|website|records|file|system)
        usual
        still (?:valid|the same|active|correct|in use)
        (?:is|are) still
        continue\w*
        on file
        known to you
        registered with you
        nothing (?:has )?changed
        no changes?
        """,
    WARN=r"""
        only ever
        (?:only|solely) (?:\w+ ){0,3}?(?:by|via|through|with) (?:a |an )?(?:signed|official|registered|written|stamped|formal) \w+
        supposedly
        allegedly
        purportedly
        pretending
        claiming to be
        fraud\w*
        scam\w*
        phishing
        beware
        be (?:careful|cautious|alert|vigilant|aware)
        caution\w*
        impersonat\w*
        fake
        suspicious
        criminal\w*
        bogus
        cyber ?crim\w*
        spoof\w*
        never (?:\w+ ){0,2}?(?:send|change|ask|notify|request|inform|announce)
        will never
        (?:always )?(?:verify|confirm|check) (?:\w+ ){0,3}?(?:by|via|over the) (?:phone|telephone|calling|call)
        verify (?:any|such|all) (?:changes?|requests?)
        """,
    HYPO=r"""
        (?:in|on|from) your (?:e-?mail )?signature
        (?:is|are) (?:this|that|these) (?:really|actually|truly|in fact) (?:your|yours)
        (?:confirm|verify|check) (?:the |your )?(?:correct|right) (?:iban|account|bank details|details)
        (?:confirm|check|verify|tell us|let us know) (?:\w+ )?(?:whether|if)
        (?:received|got|had) (?:an?|some|this|that|the) (?:\w+ ){0,2}?(?:e-?mails?|messages?|requests?|letters?|calls?|notices?)
        (?:if|should|in case|whenever|unless) (?:\w+ ){0,6}?(?:receive|receives|received|get|gets|got|see|notice|ask|asks|asked|request|requests|requested|claim|claims|claiming)
        (?:any|an) (?:e-?mails?|messages?|letters?|requests?|calls?|notices?|notifications?) (?:asking|claiming|requesting|stating|informing|saying|that|which|about|to)
        """,
    RECEIVED=r"""
        received
        receipt
        arrived
        credited
        reached
        came in
        got (?:the|your)
        (?:thank\w*|thx) (?:\w+ ){0,2}?for (?:the|your) (?:payment|transfer|remittance|deposit)
        has been paid
        have been paid
        paid in full
        """,
    NOW=r"""
        (?<!until\x20)(?<!till\x20)(?<!by\x20)(?<!to\x20)(?<!far\x20)now
        currently
        """,
    OUTGOING=r"""
        from (?:our|my) (?:\w+ )?(?:account|bank)
        (?:we|i) (?:will |shall |'ll |are going to |can )?(?:\w+ )?(?:pay|send|remit|transfer|wire)\w* (?:\w+ ){0,4}?(?:from|through|via) (?:our|my|a|another|the)
        (?:we|i) (?:will|shall|'ll) (?:\w+ ){0,2}?(?:pay|send|remit|transfer) (?:\w+ ){0,2}?(?:you|to you) (?:\w+ ){0,3}?(?:from|through|via)
        (?:our|the) (?:sending|paying|remitting|ordering) bank
        sender(?:'s)? bank
        (?:no need|nothing) (?:for you )?to (?:change|update)
        nothing (?:changes|will change) (?:for you|on your side)
        """,
    PORTAL=r"""
        portal
        log ?in
        password
        user ?name
        sign in
        """,
    BANK=r"""
        banks?
        banking
        """,
    PERSON=r"""
        (?:desk )?officer
        colleague\w*
        manager\w*
        assistant\w*
        forwarder\w*
        agent\w*
        staff
        employee\w*
        representative\w*
        rep
        director\w*
        person
        team
        member\w*
        supplier\w*
        customer\w*
        partner\w*
        broker\w*
        office
        warehouse
        factory
        department
        """,
    LINK=r"""
        of
        for
        from
        by
        with
        \w+['’]s
        \w+s['’]
        """,
    EFFECTIVE=r"""
        (?:with|from) immediate effect
        effective (?:immediately|today|now|from|as of)
        with effect from
        as of today
        starting today
        from today(?: on(?:wards?)?)?
        henceforth
        from now on
        """,
    DESIGNATED=r"""
        (?:has|have) designated
        designated by
        """,
    COLLECT=r"""
        we act(?:ing)? on behalf of
        (?:our|my) other (?:company|firm|entity)
        (?:will|shall|is to|are to|should|must|would) (?:now )?be (?:received|collected|cashed|handled) by
        (?:will|shall) (?:now )?(?:collect|receive) (?:the |all |our |your )?(?:balance|payments?|funds|amounts?|receivables|remittances)
        """,
    PAYMETHOD=r"""
        union ?pay
        mobile money
        pay ?pal
        western ?union
        money ?gram
        payoneer
        transfer ?wise
        skrill
        alipay
        usdt
        bitcoin
        crypto\w*
        """,
    DISREGARD=r"""
        disregard\w*
        ignore
        do not (?:take into account|consider|rely on)
        """,
    ONLY=r"""
        only (?:use|pay|send|remit|transfer|wire)|(?:use|pay|send|remit|transfer) only|solely|exclusively
        """,
    LETTER=r"""
        (?:enclosed|attached) (?:bank )?(?:letter|notice|certificate|letterhead)|(?:stated|given|shown|set out|indicated) in the (?:enclosed|attached)
        """,
    PAYER=r"""
        (?:remitter|payer|sender|ordering party)['’]?s? (?:name|will (?:be|look|show|appear))
        name of the (?:remitter|payer|sender|ordering party)
        (?:remitter|payer|sender) (?:\w+ ){0,3}?(?:different|differ\w*)
        """,
    THIRD=r"""
        (?:to|in the name of) (?:our|my) (?:\w+ )?(?:officer|director|accountant|cfo|ceo|owner|boss)
        (?:our|the|my) (?:\w+ ){0,2}?(?:entity|affiliate)
        (?:partner|associate|friend|cousin|brother|sister|relative|director|owner)['’]s (?:company|account|firm|business|card)
        parent (?:company|firm|group)
        group (?:company|companies|entity|treasury|finance|holding)
        holding company
        sister (?:company|concern|firm)
        (?:collection|collecting|payment|paying|appointed|authori[sz]ed|local|shipping|customs|logistics) agents?
        (?:our|my) agents?
        factoring (?:company|firm|bank|house|partner)
        factor
        assignee
        (?:logistics|trading|payment|finance|financing|local) partners?
        partner (?:agency|company|firm)
        friend['’]?s? (?:company|account|firm|business)
        (?:owner|boss|director|ceo|chairman|founder|president|cfo|manager)['’]?s? (?:personal |private )?(?:account|card|bank)
        shared services? (?:centre|center)
        """,
    ASSIGN=r"""
        assign(?:ed|ment|ing)? (?:\w+ ){0,3}?(?:receivables?|invoices?|claims?|debts?)
        (?:receivables?|invoices?|claims?) (?:\w+ ){0,3}?(?:assigned|sold|transferred) to
        factoring
        notice of assignment
        """,
    HOLDER=r"""
        in the name of
        held by
        """,
    CONTRAST=r"""
        not (?:to )?me
        not (?:to )?me directly
        rather than (?:to )?me
        not (?:the|our|my)
        (?:and|but) not (?:to|into|on|in|at|via|through|the|our|my)
        not (?:to|into|on) (?:the|our|my)
        instead of
        rather than
        in place of
        """,
    DEIXIS=r"""
        this (?:e-?mail )?(?:address|e-?mail|mailbox|number|one)
        (?:the )?(?:address|e-?mail|number)e?s? (?:below|above|here)
        (?:in|from|on|under) my signature
        signature
        here
        """,
    STORY=r"""
        wrong
        incorrect\w*
        errors?
        mistakes?
        typo
        returned
        rejected
        bounced back
        """,
    DIRECT=r"""
        directly
        """,
    NOTUS=r"""
        not (?:to|into) (?:us|me),? but(?! (?:to )?you)
        """,
    CORRECT=r"""
        (?:the )?correct (?:one|account|iban|number|account number|bank details|details) (?:is|are|reads?)
        correct(?:ed)? (?:iban|account number|bank account|bank details)
        """,
    OWNED=r"""
        (?:account|card) of (?:my|our) (?!company|firm|business|bank|client|customer|order|invoice|own)\w+
        (?:my|our) (?!company|firm|business|bank|client|customer|own)\w+['’]s (?:bank )?(?:account|card)
        """,
    AMEND=r"""
        (?:amend\w*|chang\w*|modif\w*|open\w*|issu\w*) (?:\w+ ){0,3}?(?:letter of credit|l/c|lc|documentary credit)
        (?:letter of credit|l/c|lc|documentary credit) (?:\w+ ){0,2}?(?:amendment|change|modification)s?
        """,
)

# -- Spanish --------------------------------------------------------------------------

_ES = _lexicon(
    PAY=r"""
        (?:informaci[óo]n|datos|instrucciones) (?:de|para el|para la) (?:cobro|cobros|pago|pagos|abono|transferencia)
        datos (?:bancarios|de pago|para (?:el )?(?:pago|dep[óo]sito|ingreso))
        cuenta receptora
        domicilio bancario
        carta del banco
        certificado (?:bancario|de titularidad)
        carta bancaria
        cuentas?
        datos bancarios
        datos (?:de )?(?:pago|transferencia|la cuenta)
        informaci[oó]n bancaria
        coordenadas bancarias
        iban
        swift
        bic
        clabe
        bancos?
        beneficiari[oa]s?
        instrucciones de pago
        """,
    EXCLUDE=r"""
        banca (?:en l[ií]nea|online|m[oó]vil|digital|electr[oó]nica|por internet)
        (?:aplicaci[oó]n|app) (?:\w+ ){0,2}?banc\w*
        servicios bancarios
        nombre de(?:l| nuestro) banco
        (?:su|tu) banco(?: \w+)?
        banco (?:emisor|avisador|confirmador|corresponsal)
        (?:sus|su|vuestros?|vuestras?) (?:datos bancarios|cuentas?(?: bancarias?)?|bancos?|iban|coordenadas bancarias)
        cuentas? clave
        (?:gestor|gestora|ejecutiv[oa]|responsable|encargad[oa]|director[a]?) (?:de )?(?:la )?cuentas?
        (?:estado|extracto)s? de cuentas?
        extractos? bancarios?
        (?:a|por|en) cuenta
        (?:tener|tenga|tengan|teniendo|tomar|tome|tomen|tomando|darse|di|dimos|dio|nos dimos|me di) (?:\w+ )?cuenta
        cuenta (?:de )?(?:usuario|cliente)
        (?:comisiones|gastos|cargos) bancari[oa]s
        """,
    CONTACT=r"""
        (?:tel[ée]fono )?fijo
        l[íi]nea (?:fija|directa)
        dominios?
        alias
        (?:g|hot|ya|proton|fast)mail
        gmx
        outlook
        yahoo
        icloud
        yandex
        mail\.ru
        correos?(?: electr[oó]nicos?)?
        e-?mails?
        direcci[oó]n (?:de )?(?:correo|e-?mail)(?: electr[oó]nico)?
        buz[oó]n
        tel[eé]fonos?
        m[oó]vil(?:es)?
        celular(?:es)?
        n[uú]meros?(?: de (?:tel[eé]fono|m[oó]vil|whatsapp|contacto|celular))?
        whats ?app
        wechat
        telegram
        skype
        datos de contacto
        """,
    EXCLUDE_CONTACT=r"""
        centralita
        sistema telef[oó]nico
        extensi[oó]n\w*
        hilos? de (?:correo|e-?mail)s?
        n[úu]meros? de (?:nuestro |nuestra |su |tu )?(?:pedido|orden|factura|contrato|expediente|cuenta)
        en (?:todos |todas )?(?:los |las |sus |nuestros |nuestras )?(?:correos|e-?mails|mensajes|comunicaciones)
        correo anterior
        (?:sistema|central) telef[óo]nic[oa]
        n[úu]mero (?:de identificaci[óo]n )?fiscal
        n[uú]meros? de (?:pedido|factura|orden|cuenta|serie|referencia|lote|contenedor|seguimiento|modelo|art[ií]culo|cliente|proveedor|iban|unidades|piezas|cajas|contrato|albar[aá]n|expediente|env[ií]o|registro)
        n[uú]mero (?:iban|swift)
        """,
    ADDRESS=r"""
        direcci[oó]n(?:es)?
        contactos?
        """,
    NEW=r"""
        dedicad[oa]s?
        separad[oa]s?
        de (?:respaldo|reserva|emergencia)
        segund[oa]s?
        nuev[oa]s?
        distint[oa]s?
        diferentes?
        otr[oa]s?
        alternativ[oa]s?
        actualizad[oa]s?
        modificad[oa]s?
        corregid[oa]s?
        correct[oa]s?
        secundari[oa]s?
        temporal(?:es)?
        provisional(?:es)?
        personal(?:es)?
        privad[oa]s?
        recientemente abiert[oa]s?
        """,
    CHANGE=r"""
        abierto
        abrimos
        aperturad[oa]
        (?<!tipo\x20de\x20)(?<!a\x20)cambio(?! de divisas?)
        cambi(?!o\b)\w*
        modific\w*
        actualiz\w*
        sustitu\w*
        reemplaz\w*
        traslad\w*
        migr\w*
        corrig\w*
        correcci[oó]n
        """,
    OLD=r"""
        (?:los|las) que (?:\w+ ){0,2}?(?:tienes|tiene|tienen|tengan) (?:guardad|registrad|archivad)\w*
        antigu[oa]s?
        anterior(?:es)?
        viej[oa]s?
        previ[oa]s?
        actual(?:es)?
        habitual(?:es)?
        """,
    STOP=r"""
        no (?:recibe|acepta|puede recibir|podemos recibir|admite)
        desactualizad[oa]s?
        obsolet[oa]s?
        cerrad[oa]s?
        cancelad[oa]s?
        bloquead[oa]s?
        congelad[oa]s?
        suspendid[oa]s?
        inactiv[oa]s?
        desactivad[oa]s?
        inv[aá]lid[oa]s?
        ya no
        no (?:\w+ ){0,2}?(?:utilice|utilicen|use|usen|pague|paguen|env[ií]e|env[ií]en|transfiera|transfieran|deposite|depositen|realice|realicen|haga|hagan|escriba|escriban|responda|respondan|abone|abonen|ingrese|ingresen)
        dej[oóa] de
        dejar[aá] de
        fuera de (?:servicio|uso)
        no est[aá] (?:activ|operativ|disponible)\w*
        no es v[aá]lid\w*
        ser[aá] cerrad\w*
        """,
    PAYDIR=r"""
        recib\w* (?:los )?fondos
        reembols\w*
        devoluci[óo]n
        us(?:e|en|ar)
        utilic\w*
        pag\w*
        abon\w*
        transfer\w*
        transfier\w*
        deposit\w*
        remit\w*
        remesa\w*
        env[ií](?:e|en|ar|ad|o|en) (?:el |los |la |las )?(?:pagos?|importes?|dinero|fondos|saldo|dep[oó]sitos?|transferencias?)
        ingres\w*
        realic\w* (?:el|los) pagos?
        efect[uú]\w*
        recib(?:imos|ir) (?:los )?pagos
        giros?
        liquid\w*
        """,
    CONTDIR=r"""
        guard[ae]\w*
        registr[ae]\w*
        locali[cz]\w*
        respond\w*
        conteste\w*
        escrib\w*
        env[ií]\w*
        mand\w*
        reenv[ií]\w*
        contact\w*
        comun[ií]que\w*
        comunicarse
        ll[aá]m\w*
        us(?:e|en|ar)
        utilic\w*
        utiliz\w*
        dirij\w*
        dirigir
        agr[eé]gue\w*
        a[nñ]ad\w*
        """,
    REPLY=r"""
        respond\w*
        conteste\w*
        escrib\w*
        correspond\w*
        """,
    SHIFT=r"""
        excepcionalmente
        desde el (?:lunes|martes|mi[ée]rcoles|jueves|viernes|pr[óo]ximo|d[íi]a \d+|\d+)
        a partir de (?:ahora|hoy|este|esta|la pr[oó]xima|el pr[oó]ximo|ma[nñ]ana|\d+|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|lunes|martes|mi[ée]rcoles|jueves|viernes)
        a partir del (?:pr[oó]ximo|\d+|d[ií]a|mes|lunes)
        tod[ao]s? (?:la |las |los )?(?:comunicaci[óo]n|comunicaciones|correspondencia|correos|mensajes|respuestas)
        de ahora en adelante
        desde (?:ahora|hoy|este|esta)
        en adelante
        en lo sucesivo
        en el futuro
        futur[oa]s (?:pagos|facturas|transferencias|pedidos|env[ií]os|correos|comunicaciones|mensajes)
        pr[oó]xim[oa]s (?:pagos|facturas|transferencias)
        con efecto inmediato
        de forma temporal
        temporalmente
        provisionalmente
        hasta nuevo aviso
        en lugar de
        en vez de
        ya no
        (?:[uú]nicamente|solamente|s[oó]lo) (?:\w+ ){0,2}?(?:a|en|por|al|mediante|esta|este|la siguiente|el siguiente|las siguientes|los siguientes|la nueva|el nuevo)
        esta vez
        por esta vez
        por ahora
        ahora (?:\w+ ){0,2}?(?:usamos|utilizamos|recibimos|trabajamos|tenemos|operamos|es|son|se|deben|debe)
        (?:hemos|ha|han) pasado a
        pasamos a
        de momento
        actualmente
        """,
    RECORDS=r"""
        registr(?:en|e|ar) (?:la|esta|nuestra|estos|los)
        den de alta
        (?:sus|su|vuestros?|vuestras?) (?:registros?|sistemas?|base de datos|archivos?|ficheros?|expedientes?|datos maestros|maestro de proveedores|agenda|contactos)
        maestro de proveedores
        ficha de proveedor
        """,
    CAUSE=r"""
        (?:empresa|sociedad|compa[ñn][íi]a) (?:socia|asociada|colaboradora|partner)
        reestructura\w*
        reorganiza\w*
        fusi[óo]n
        auditor[ií]a\w*
        (?:motivos|razones|inspecci[oó]n|revisi[oó]n|problemas?|cuestiones|auditor[ií]a|control|temas) fiscal\w*
        hacienda
        impuestos?
        congelad\w*
        bloquead\w*
        suspendid\w*
        suspensi[oó]n
        (?:en|bajo) revisi[oó]n
        investigaci[oó]n
        restricci\w*
        restringid\w*
        embargad\w*
        embargo
        filial\w*
        subsidiari\w*
        (?:empresa|sociedad|compa[nñ][ií]a) (?:matriz|hermana|asociada|vinculada|del grupo)
        problemas? (?:con|en) (?:nuestra|la|el|nuestro|mi)
        mantenimiento
        control de (?:cambios|divisas)
        """,
    CONTACT_CAUSE=r"""
        no (?:me |nos )?(?:est[aá] |anda )?funcionando
        vigilad[oa]s?
        no es seguro
        devuelt[oa]s?
        rebot\w*
        bloque\w*
        sin acceso
        no tengo acceso
        no tenemos acceso
        da problemas
        falla\w*
        hacke\w*
        jaquead\w*
        pirate\w*
        comprometid\w*
        intervenid\w*
        no funciona\w*
        fuera de servicio
        ca[ií]d[oa]
        llen[oa]
        problemas?
        fallos?
        error(?:es)?
        mantenimiento
        migraci[oó]n
        bloquead\w*
        suspendid\w*
        no (?:recibo|recibimos|puedo acceder|podemos acceder|puedo usar|podemos usar)
        perd[ií]\w*
        robad[oa]
        """,
    NEG=r"""
        no
        nunca
        jam[aá]s
        ning[uú]n\w*
        nada
        sin
        ni
        """,
    NEW_WINDOW="2 3",
    NEG_WINDOW="3 1",
    ASSURE=r"""
        (?:que )?ya (?:tenemos |est[aá] |estaba |tienen )?(?:registrad|archivad)\w*
        (?:que )?tenemos registrad\w*
        ning[uú]n cambio
        no (?:hace falta|hay que|es necesario|se necesita) (?:cambiar|modificar)\w*
        sin cambios?
        sin modificaci\w*
        sigue\w*
        siguen
        seguir[aá]n?
        permanece\w*
        mantien\w*
        mantendr\w*
        contin[uú]a\w*
        mism[oa]s?
        igual(?:es)? que
        como (?:siempre|de costumbre|antes|hasta ahora|habitualmente)
        habitual(?:es)?
        de siempre
        (?:indicad|detallad|mencionad|se[nñ]alad)[oa]s? (?:en|de) (?:la|el|nuestra|nuestro) (?:[uú]ltim[oa]|anterior|factura|proforma|pi|contrato|pedido)
        como (?:en|figura en|consta en|aparece en) (?:la|el) (?:[uú]ltim[oa]|anterior|factura|proforma|pi)
        (?:figura|figuran|consta|constan|aparece|aparecen) en (?:la|el) (?:[uú]ltim[oa]|anterior|factura|proforma|pi|contrato)(?! adjunt| nuev| que adjunt)
        """,
    WARN=r"""
        supuestamente
        presuntamente
        haci[ée]ndose pasar
        fraude\w*
        fraudulent\w*
        estafa\w*
        phishing
        suplant\w*
        enga[nñ]\w*
        fals[oa]s?
        sospechos\w*
        cuidado
        precauci[oó]n
        alerta
        atent[oa]s
        nunca (?:\w+ ){0,2}?(?:pediremos|solicitaremos|cambiaremos|enviaremos|comunicaremos|modificaremos|pedimos|solicitamos|cambiamos|enviamos|comunicamos|modificamos)
        jam[aá]s
        verifi\w* (?:\w+ ){0,3}?(?:por tel[eé]fono|telef[oó]nicamente)
        confirm\w* (?:\w+ ){0,3}?(?:por tel[eé]fono|telef[oó]nicamente)
        ciberdelincuen\w*
        delincuen\w*
        """,
    HYPO=r"""
        en (?:su|tu) firma
        (?:confirm|verifi|comprueb)\w* (?:la |el |su )?(?:cuenta|iban|n[uú]mero) correct[oa]
        (?:es|son) (?:realmente|de verdad|en verdad) (?:su|suyo|tuyo|tu)\w*
        (?:recibido|recibimos|recibi[óo]|llegado) (?:un|una|el|la|este|esta) (?:\w+ ){0,2}?(?:correo|mensaje|solicitud|carta|llamada|e-?mail)
        si (?:usted(?:es)? )?(?:recib\w*|le llega\w*|les llega\w*|alguien|llega\w*)
        si (?:\w+ ){0,2}?(?:solicit\w*|pid\w*|pide\w*)
        en caso de (?:que )?(?:recib\w*|llegue\w*)
        cualquier (?:correo|mensaje|solicitud|comunicaci[oó]n|e-?mail|llamada|petici[oó]n)
        cuando (?:\w+ )?recib\w*
        """,
    RECEIVED=r"""
        recibid[oa]s?
        recibimos (?:el|su|vuestro|la|vuestra) (?:pago|transferencia|abono|importe)
        (?:hemos|he) recibido
        lleg[oó]
        llegaron
        ha llegado
        han llegado
        acreditad[oa]s?
        abonad[oa]s? en
        ingresad[oa]s? en
        confirm\w* (?:la )?recepci[oó]n
        gracias por (?:el|su|vuestro|la|vuestra) (?:pago|transferencia|abono)
        """,
    NOW=r"""
        ahora (?:el|la|los|las|nuestr[oa]s?|mi|mis) (?:\w+ ){1,3}?(?:es|son|ser[áa]n?|est[áa]n?|pasa|pasan)
        ahora
        actualmente
        """,
    OUTGOING=r"""
        desde la cuenta de (?:mi|nuestr[oa]) \w+
        desde (?:nuestra|mi) (?:\w+ )?cuenta
        (?:pagaremos|transferiremos|enviaremos|abonaremos|vamos a (?:pagar|transferir)) (?:\w+ ){0,4}?desde
        (?:le|les|te) (?:pagaremos|transferiremos|enviaremos) (?:\w+ ){0,4}?(?:desde|a trav[ée]s de|por medio de)
        banco (?:ordenante|emisor|remitente)
        (?:no (?:es necesario|hace falta|tienen? que)|nada que) (?:\w+ ){0,2}?(?:cambiar|modificar|actualizar)
        """,
    PORTAL=r"""
        portal
        contrase[ñn]a
        usuario y
        iniciar sesi[óo]n
        """,
    BANK=r"""
        bancos?
        """,
    PERSON=r"""
        colega\w*
        compa[ñn]er\w*
        transitari\w*
        agente\w*
        gerente\w*
        asistente\w*
        representante\w*
        emplead\w*
        proveedor\w*
        cliente\w*
        socio\w*
        oficina\w*
        almac[ée]n\w*
        f[áa]brica\w*
        departamento\w*
        """,
    LINK=r"""
        de
        del
        para
        por
        con
        que
        """,
    EFFECTIVE=r"""
        con efecto inmediato
        con efectos? desde
        a partir de (?:hoy|ahora)
        desde hoy
        de ahora en adelante
        en lo sucesivo
        """,
    DESIGNATED=r"""
        ha designado
        designad[oa]s? por
        """,
    COLLECT=r"""
        lo cobrar[áa]
        ser[áa]n? cobrad[oa]s? por
        cobrar[áa] (?:nuestra|nuestro|la|el|los|las)
        ser[áa]n? recibid[oa]s? por
        """,
    PAYMETHOD=r"""
        pay ?pal
        western ?union
        money ?gram
        payoneer
        transfer ?wise
        skrill
        alipay
        usdt
        bitcoin
        crypto\w*
        """,
    DISREGARD=r"""
        no (?:tenga|tengan|tome|tomen) en cuenta
        ignore(?:n)?
        haga(?:n)? caso omiso
        desestime\w*
        """,
    ONLY=r"""
        solo|solamente|[úu]nicamente|exclusivamente
        """,
    LETTER=r"""
        adjuntamos (?:la|el) (?:carta|certificado|documento|notificaci[óo]n)
        (?:carta|certificado|documento|notificaci[óo]n) (?:bancari[oa] )?adjunt[oa]
        """,
    PAYER=r"""
        (?:ordenante|pagador)\w* (?:\w+ ){0,3}?(?:ser[áa]|distint\w*|diferente\w*|otro)
        nombre del (?:ordenante|pagador)
        """,
    THIRD=r"""
        (?:la |a la )?otra (?:sociedad|empresa|compa[ñn][ií]a)
        cuenta de (?:nuestra|mi) empresa (?:socia|hermana|asociada|vinculada)
        (?:a trav[ée]s de|por medio de|v[íi]a) (?:nuestr[oa]|un|una) (?:socio|socia|partner|intermediari[oa]|agente)\w*
        cuenta de mi (?:soci[oa]|compa[ñn]er[oa]|amig[oa]|herman[oa]|primo|prima)
        (?:sociedad|empresa|compa[ñn][íi]a|entidad) (?:matriz|del grupo|holding|hermana|cesionaria|de factoring)
        (?:casa|sociedad|empresa) matriz
        (?:nuestro|nuestra|nuestros|mi) (?:\w+ )?agentes?
        agentes? (?:aduanal|aduanero|de aduanas|de cobro|de cobros|cobrador|log[íi]stico|local)
        cesionari[oa]
        (?:empresa|sociedad) de factoring
        (?:socio|partner) log[íi]stico
        (?:empresa|cuenta) de (?:un|mi|nuestro) amigo
        (?:cuenta|tarjeta) (?:personal |particular )?(?:del|de nuestro|de mi) (?:due[ñn]o|propietario|director|gerente|jefe|presidente)
        centro de servicios compartidos
        (?:ha sido |sido )?encomendad[oa] a
        """,
    ASSIGN=r"""
        (?:gesti[oó]n de )?cobr(?:o|anza)s? (?:[\w.]+ ){0,10}?(?:encomendad|confiad|cedid|delegad)\w*
        cedid[oa]s? (?:\w+ ){0,3}?(?:cr[ée]ditos?|facturas?|derechos de cobro)
        (?:cr[ée]ditos?|facturas?|derechos de cobro) (?:\w+ ){0,3}?cedid[oa]s?
        ha cedido
        cesi[óo]n de (?:cr[ée]ditos|facturas|derechos)
        factoring
        """,
    HOLDER=r"""
        a nombre de
        """,
    CONTRAST=r"""
        y no (?:a|al|en|sobre|por|la|el)
        (?:y )?no a (?:la|el|nuestra|nuestro)
        en (?:lugar|vez) de
        """,
    DEIXIS=r"""
        (?:esta|este|la siguiente) (?:direcci[óo]n|correo|cuenta de correo|n[úu]mero|buz[óo]n)
        (?:direcci[óo]n|correo|n[úu]mero) (?:de abajo|indicad[oa] abajo|que figura en mi firma)
        (?:en|de) mi firma
        aqu[íi]
        """,
    STORY=r"""
        errata
        cumplimiento normativo
        revisi[óo]n (?:anual )?de cumplimiento
        incorrect[oa]s?
        equivocad[oa]s?
        est[áa] mal
        error(?:es)?
        equivocad\w*
        devuelt[oa]s?
        rechazad[oa]s?
        conciliaci[óo]n
        """,
    DIRECT=r"""
        directamente
        """,
    NOTUS=r"""
        no (?:a|para) (?:nosotros|m[ií]),? sino(?! (?:a )?(?:usted|ustedes|vos|ti)(?!\w))
        """,
    CORRECT=r"""
        (?:el|la|lo) correct[oa] (?:es|son)
        (?:cuenta|iban|n[uú]mero) correct[oa]
        """,
    OWNED=r"""
        cuenta de (?:mi|nuestr[oa]) (?!empresa|compa[ñn][ií]a|sociedad|firma|banco|cliente|pedido|factura|propia)\w+
        """,
    AMEND=r"""
        (?:modificaci[oó]n|enmienda|cambio|modific)\w* (?:\w+ ){0,3}?(?:carta de cr[eé]dito|cr[eé]dito documentario|l/c)
        """,
)

# -- French ---------------------------------------------------------------------------

_FR = _lexicon(
    PAY=r"""
        (?:informations|coordonn[ée]es|instructions) de (?:paiement|r[èe]glement|virement|encaissement)
        coordonn[ée]es bancaires
        donn[ée]es (?:bancaires|de paiement)
        attestation (?:bancaire|de rib)
        lettre bancaire
        comptes?
        rib
        iban
        swift
        bic
        banques?
        coordonn[ée]es bancaires
        coordonn[ée]es de (?:paiement|virement)
        donn[ée]es bancaires
        informations? bancaires
        d[ée]tails bancaires
        relev[ée] d['’]identit[ée] bancaire
        domiciliation(?: bancaire)?
        b[ée]n[ée]ficiaire
        (?:instructions?|modalit[ée]s|coordonn[ée]es) de (?:paiement|virement|r[èe]glement)
        """,
    EXCLUDE=r"""
        banque en ligne
        (?:application|appli) (?:\w+ ){0,2}?bancaire\w*
        services bancaires
        nom de (?:notre|la) banque
        (?:votre|ta) banque(?: \w+)?
        banque (?:[ée]mettrice|notificatrice|confirmatrice)
        (?:vos|votre) (?:coordonn[ée]es bancaires|comptes?(?: bancaires?)?|banques?|rib|iban|domiciliation(?: bancaire)?)
        comptes?[- ]cl[ée]s?
        grands? comptes?
        (?:gestionnaire|charg[ée]e?|responsable|directeur|directrice|chef) (?:de |du |des )?comptes?
        compte (?:client|clients|utilisateur)
        relev[ée]s? (?:de comptes?|bancaires?)
        compte[- ]rendu
        comptes? rendus?
        (?:tenir|tiens|tenez|tenu|tenant|prendre|pris) (?:\w+ )?compte
        (?:rendre|rendu|rends|rend) compte
        pour le compte
        [àa] compte
        en fin de compte
        votre compte
        vos comptes
        frais bancaires
        (?:jours?|vacances) (?:f[ée]ri[ée]s?|bancaires?)
        """,
    CONTACT=r"""
        ligne (?:fixe|directe)
        domaines?
        alias
        bo[îi]tes?
        (?:g|hot|ya|proton|fast)mail
        gmx
        outlook
        yahoo
        icloud
        yandex
        mail\.ru
        e-?mails?
        mails?
        courriels?
        messagerie
        bo[iî]tes? (?:mail|aux lettres|e-?mail|de r[ée]ception)
        adresses? (?:e-?mail|mail|[ée]lectroniques?|de messagerie|courriel)
        t[ée]l[ée]phones?
        t[ée]l
        portables?
        mobiles?
        num[ée]ros?(?: de (?:t[ée]l[ée]phone|portable|mobile|whatsapp))?
        whats ?app
        wechat
        telegram
        skype
        coordonn[ée]es(?! bancaires| de paiement| de virement)
        """,
    EXCLUDE_CONTACT=r"""
        standard t[eé]l[eé]phonique
        syst[eè]me t[eé]l[eé]phonique
        num[eé]ros? (?:de poste|internes?)
        fils? (?:de discussion|d['’]e-?mails?)
        num[ée]ros? de (?:notre |votre |la |le )?(?:commande|facture|contrat|dossier|compte)
        dans (?:tous |toutes )?(?:les |vos |nos )?(?:e-?mails|courriels|messages|correspondances)
        (?:e-?mail|courriel|message) pr[ée]c[ée]dent
        (?:syst[èe]me|central) t[ée]l[ée]phonique
        num[ée]ro (?:de )?(?:tva|fiscal|siret|siren)
        num[ée]ro \d+\w*
        sous le num[ée]ro
        num[ée]ros? (?:de |du |d['’])\s*(?:commande|facture|compte|s[ée]rie|lot|suivi|conteneur|mod[eè]le|article|client|fournisseur|r[ée]f[ée]rence|tva|siret|siren|dossier|contrat|colis|pi|po|bon|iban)
        num[ée]ro (?:iban|swift|bic)
        nombre de
        (?:coques?|housses?|accessoires?) (?:de |pour )?(?:t[ée]l[ée]phones?|portables?|mobiles?)
        """,
    ADDRESS=r"""
        adresses?
        contacts?
        """,
    NEW=r"""
        d[ée]di[ée]e?s?
        s[ée]par[ée]e?s?
        bonnes?(?= (?:coordonn|donn|adresse))
        bons?(?= (?:compte|rib|iban|num[ée]ro))
        de (?:secours|substitution|remplacement|d[ée]pannage)
        perso
        second(?:e)?s?
        deuxi[èe]mes?
        nouveaux?
        nouvelles?
        nouvel
        diff[ée]rente?s?
        autres?
        alternati(?:f|ve|fs|ves)
        mise?s? [àa] jour
        actualis[ée]e?s?
        modifi[ée]e?s?
        corrig[ée]e?s?
        temporaires?
        provisoires?
        personnel(?:le)?s?
        priv[ée]e?s?
        r[ée]cemment ouvert\w*
        secondaires?
        """,
    CHANGE=r"""
        ouvert
        remplac\w*
        chang\w*
        modifi\w*
        mise [àa] jour
        mettre [àa] jour
        mis [àa] jour
        mettez [àa] jour
        actualis\w*
        remplac\w*
        migr\w*
        bascul\w*
        correction
        rectifi\w*
        """,
    OLD=r"""
        (?:celles|ceux|celui|celle) (?:\w+ ){0,3}?(?:enregistr|en fichier|dans vos)\w*
        ancien(?:ne)?s?
        pr[ée]c[ée]dente?s?
        actuel(?:le)?s?
        habituel(?:le)?s?
        vieux
        vieil(?:le)?s?
        """,
    STOP=r"""
        n['’](?:utilise|utilisez|utilisons|envoie|envoyez)\w* (?:pas|plus)
        ne (?:re[çc]oi\w*|peut|peuvent|pouvons) (?:pas|plus)(?: recevoir)?
        n['’]accepte (?:pas|plus)
        obsol[èe]tes?
        p[ée]rim[ée]e?s?
        ferm[ée]e?s?
        cl[oô]tur[ée]e?s?
        bloqu[ée]e?s?
        gel[ée]e?s?
        suspendue?s?
        d[ée]sactiv[ée]e?s?
        inactive?s?
        invalide?s?
        n['’]est plus
        ne sont plus
        ne (?:\w+ ){0,2}?plus
        plus (?:valide|actif|active|utilis\w*)
        ne (?:pas|plus) (?:\w+ )?(?:payer|utiliser|envoyer|virer|verser|[ée]crire|r[ée]pondre)
        ne (?:payez|versez|virez|utilisez|envoyez|r[ée]pondez|[ée]crivez|effectuez|r[ée]glez) (?:plus|pas)
        n['’](?:utilisez|envoyez|[ée]crivez|effectuez) (?:plus|pas)
        hors service
        """,
    PAYDIR=r"""
        rembours\w*
        utilis\w*
        pa(?:y|i)\w*
        r[èée]gl\w*
        vir\w*
        vers\w*
        transf[éèe]r\w*
        envoy\w* (?:le|les|la|vos|votre) (?:paiements?|fonds|montant|solde|acompte|virements?)
        effectu\w* (?:le|les|vos|votre) (?:paiements?|virements?|r[èe]glements?)
        recevons (?:\w+ )?(?:les )?paiements
        cr[ée]dit\w*
        d[ée]p[oô]s\w*
        adress\w* (?:le|les|vos|votre) (?:paiements?|virements?|r[èe]glements?)
        """,
    CONTDIR=r"""
        enregistr\w*
        r[ée]pond\w*
        [ée]cri\w*
        envoy\w*
        adress\w*
        contact\w*
        joindre
        joignez
        transf[ée]r\w*
        appel\w*
        utilis\w*
        ajout\w*
        """,
    REPLY=r"""
        r[ée]pond\w*
        [ée]cri\w*
        correspond\w*
        """,
    SHIFT=r"""
        exceptionnellement
        [àa] partir d['’]?\s*(?:aujourd['’]hui|maintenant|ce|cette|la prochaine|le prochain|\d+|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|lundi|demain)
        [àa] partir du (?:\d+|prochain|mois|lundi)
        (?:toute|toutes|tous) (?:la |les |vos )?(?:correspondances?|communications?|e-?mails|courriels|[ée]changes|r[ée]ponses)
        d[ée]sormais
        dor[ée]navant
        [àa] l['’]avenir
        pour l['’]avenir
        [àa] compter d\w*
        d[èe]s (?:[àa] pr[ée]sent|maintenant|aujourd['’]hui)
        (?:avec|[àa]) effet imm[ée]diat
        prochains? (?:paiements?|virements?|factures?|r[èe]glements?)
        futurs? (?:paiements?|virements?|r[èe]glements?|[ée]changes|courriers?|e-?mails?)
        (?:paiements?|virements?|r[èe]glements?|e-?mails?|courriels?|[ée]changes|correspondances?) futur\w*
        jusqu['’][àa] nouvel ordre
        temporairement
        provisoirement
        au lieu d\w*
        plut[oô]t que
        ne (?:\w+ ){0,2}?plus
        n['’]\w+ plus
        (?:uniquement|seulement|exclusivement) (?:\w+ ){0,2}?(?:sur|vers|au|[àa]|ce|cette|ces|le nouveau|la nouvelle)
        cette fois(?:-ci)?
        pour (?:cette|ce) (?:facture|commande|fois|paiement|virement)
        (?:nous|on) (?:\w+ )?maintenant
        maintenant (?:notre|nos|le|la|les|sur|un|une|chez)
        pour le moment
        actuellement
        [àa] pr[ée]sent
        """,
    RECORDS=r"""
        enregistr(?:er|ez) (?:le|ce|notre|ces|les)
        (?:vos|votre) (?:dossiers?|fichiers?|syst[eè]mes?|registres?|base de donn[ée]es|fiche fournisseur|r[ée]f[ée]rentiel|donn[ée]es|carnet d['’]adresses|contacts|erp|enregistrements?)
        fiche fournisseur
        fichier fournisseurs?
        """,
    CAUSE=r"""
        soci[ée]t[ée] (?:partenaire|associ[ée]e)
        partenaire
        restructur\w*
        audit\w*
        (?:raisons?|motifs?|contr[oô]le|probl[èe]mes?|questions?|audit|obligations?|r[ée]gularisation) fiscal\w*
        imp[oô]ts?
        gel[ée]e?s?
        bloqu[ée]e?s?
        suspendue?s?
        suspension
        en cours de (?:v[ée]rification|r[ée]vision|contr[oô]le|cl[oô]ture)
        (?:sous|en) (?:contr[oô]le|examen|enqu[eê]te|r[ée]vision)
        enqu[eê]te
        restrictions?
        restreint\w*
        filiale\w*
        soci[ée]t[ée] (?:m[èe]re|s(?:oe|œ)ur|affili[ée]e)
        maison m[èe]re
        contr[oô]le des changes
        probl[èe]mes? (?:avec|sur|de) (?:notre|le|la|nos|mon|ma)
        maintenance
        """,
    CONTACT_CAUSE=r"""
        surveill[ée]e?s?
        pas s[ûu]re?
        rejet[ée]e?s?
        renvoy[ée]e?s? [àa] l['’]exp[ée]diteur
        bloqu\w*
        (?:pas|plus|sans) (?:d['’])?acc[èe]s
        bug\w*
        fait des siennes
        pirat\w*
        hack\w*
        compromis\w*
        ne fonctionne (?:plus|pas)
        hors service
        en panne
        pleine?
        satur[ée]e?
        probl[èe]mes?
        soucis
        erreurs?
        maintenance
        migration
        bloqu[ée]e?
        suspendue?
        perdu
        vol[ée]
        inaccessible
        ne (?:re[cç]oi[st]|re[cç]oivons|peux|pouvons)
        """,
    NEG=r"""
        ne
        n['’]
        pas
        jamais
        aucun\w*
        sans
        ni
        rien
        """,
    NEW_WINDOW="2 3",
    NEG_WINDOW="3 2",
    ASSURE=r"""
        d[eé]j[aà] (?:enregistr|r[eé]f[eé]renc)\w*
        (?:que )?nous avons (?:d[eé]j[aà] )?(?:enregistr|en dossier)\w*
        aucun changement
        (?:pas besoin de|inutile de) (?:les |le |la )?(?:changer|modifier)
        inchang[ée]e?s?
        sans changement
        reste
        restent
        restera
        resteront
        demeure\w*
        m[eê]mes?
        identiques?
        comme (?:d['’]habitude|toujours|avant|auparavant|pr[ée]c[ée]demment|convenu|indiqu\w* (?:sur|dans)|sur|dans|[àa] l['’]accoutum[ée]e)
        habituel(?:le)?s?
        toujours (?:valable|valide|les m[eê]mes|le m[eê]me|actif|active)
        (?:figurant|indiqu[ée]e?s?|mentionn[ée]e?s?) (?:sur|dans) (?:la|le|notre|nos|votre) (?:derni[èe]re?|pr[ée]c[ée]dente?|facture|proforma|contrat)
        connue?s? de vos services
        aucun changement
        """,
    WARN=r"""
        soi-disant
        pr[ée]tendument
        pr[ée]tendant
        se faisant passer
        fraud\w*
        escroqu\w*
        arnaque\w*
        hame[cç]onnage
        phishing
        usurp\w*
        faux
        fausses?
        suspect\w*
        m[ée]fi\w*
        vigilan\w*
        prudence
        prudents?
        attention aux
        jamais (?:\w+ ){0,3}?(?:demander|changer|modifier|envoyer|communiquer)\w*
        ne (?:\w+ ){0,3}?jamais
        cybercrimin\w*
        """,
    HYPO=r"""
        dans votre signature
        (?:est|sont)-?(?:ce|il|elle)? (?:vraiment|bien) (?:votre|vos|le v[oô]tre)
        (?:re[çc]u|recevons) (?:un|une|ce|cette) (?:\w+ ){0,2}?(?:e-?mail|courriel|message|demande|lettre|appel)
        si (?:vous )?(?:recev\w*|re[cç]\w*|deviez)
        s['’]il vous (?:arrive|[ée]tait)
        si (?:\w+ ){0,2}?(?:demand\w*)
        au cas o[uù]
        dans le cas o[uù]
        tout (?:e-?mail|courriel|message|appel)
        toute (?:demande|communication|sollicitation)
        lorsque vous recev\w*
        """,
    RECEIVED=r"""
        (?<!de\x20)r[ée]ception
        re[cç]u\w*
        arriv[ée]e?s?
        cr[ée]dit[ée]e?s? sur
        encaiss[ée]\w*
        merci pour (?:le|votre) (?:paiement|virement|r[èe]glement)
        bien re[cç]u
        """,
    NOW=r"""
        (?:d[ée]sormais|maintenant) (?:le|la|les|l['’]|notre|nos|mon|ma) ?(?:\w+ ){1,3}?(?:est|sont|sera|seront)
        maintenant
        d[ée]sormais
        actuellement
        """,
    OUTGOING=r"""
        depuis le compte de (?:mon|ma|notre) \w+
        depuis (?:notre|mon) (?:\w+ )?compte
        (?:parti|envoy[ée]|effectu[ée]|sorti)e? (?:\w+ ){0,3}?de notre compte
        (?:nous )?(?:paierons|r[èe]glerons|virerons|verserons|allons (?:payer|r[ée]gler|virer)) (?:\w+ ){0,4}?depuis
        (?:nous )?vous (?:paierons|réglerons|verserons|virerons) (?:\w+ ){0,4}?(?:depuis|via|par|à partir de)
        banque (?:émettrice|[ée]mettrice|de l['’][ée]metteur|du donneur d['’]ordre)
        (?:aucun changement|rien [àa] (?:changer|modifier)|pas besoin de (?:changer|modifier)) (?:\w+ ){0,3}?(?:de votre c[ôo]t[ée]|pour vous)?
        """,
    PORTAL=r"""
        portail
        identifiant\w*
        mot de passe
        se connecter
        """,
    BANK=r"""
        banques?
        """,
    PERSON=r"""
        coll[èe]gue\w*
        transitaire\w*
        agent\w*
        responsable\w*
        assistant\w*
        repr[ée]sentant\w*
        employ[ée]\w*
        fournisseur\w*
        client\w*
        partenaire\w*
        bureau\w*
        entrep[ôo]t\w*
        usine\w*
        service\w*
        """,
    LINK=r"""
        de
        du
        des
        d['’]\w+
        pour
        par
        avec
        """,
    EFFECTIVE=r"""
        avec effet imm[ée]diat
        [àa] effet imm[ée]diat
        avec effet au
        [àa] compter d['’]aujourd['’]hui
        [àa] partir d['’]aujourd['’]hui
        d[ée]sormais
        dor[ée]navant
        d[èe]s (?:[àa] pr[ée]sent|aujourd['’]hui)
        """,
    DESIGNATED=r"""
        a d[ée]sign[ée]
        """,
    COLLECT=r"""
        ser(?:a|ont) encaiss[ée]e?s? par
        encaissera\w*
        ser(?:a|ont) per[çc]ue?s? par
        """,
    PAYMETHOD=r"""
        wave
        orange money
        m-?pesa
        mobile money
        pay ?pal
        western ?union
        money ?gram
        payoneer
        transfer ?wise
        skrill
        alipay
        usdt
        bitcoin
        crypto\w*
        """,
    DISREGARD=r"""
        ne (?:tenez|tenir) pas compte
        ne pas tenir compte
        ignorez
        ignorer
        faire abstraction
        """,
    ONLY=r"""
        uniquement|seulement|exclusivement
        """,
    LETTER=r"""
        (?:lettre|courrier) (?:est |sont )?jointe?s?
        (?:courrier|lettre|attestation|certificat|document) (?:bancaire )?(?:ci-joint|joint)e?
        """,
    PAYER=r"""
        (?:donneur d['’]ordre|payeur|[ée]metteur du virement) (?:\w+ ){0,3}?(?:sera|diff[ée]rent\w*|autre)
        nom du (?:donneur d['’]ordre|payeur)
        """,
    THIRD=r"""
        (?:notre|l['’])autre (?:soci[ée]t[ée]|entreprise)
        compte de mon (?:associ[ée]|partenaire|ami|fr[èe]re|cousin)
        (?:soci[ée]t[ée]|maison) m[èe]re
        soci[ée]t[ée] (?:du groupe|s[œoe]ur|de factoring|d['’]affacturage|cessionnaire)
        (?:notre|nos|mon) (?:\w+ )?(?:agents?|mandataires?)
        mandataire
        agents? (?:de recouvrement|d['’]encaissement|local|en douane|maritime)
        affactur\w*
        factor
        cessionnaire
        (?:partenaire|prestataire) logistique
        (?:soci[ée]t[ée]|compte) d['’]un ami
        compte (?:personnel |priv[ée] )?(?:du|de notre|de mon) (?:g[ée]rant|directeur|patron|pr[ée]sident|propri[ée]taire)
        centre de services partag[ée]s
        confi[ée]e? (?:\w+ ){0,5}?[àa] notre
        externalis[ée]e?
        """,
    ASSIGN=r"""
        c[ée]d[ée]e?s? (?:\w+ ){0,3}?(?:cr[ée]ances|factures)
        (?:cr[ée]ances|factures) (?:\w+ ){0,3}?c[ée]d[ée]e?s?
        cession de cr[ée]ances
        affacturage
        subrogation
        """,
    HOLDER=r"""
        au nom de
        """,
    CONTRAST=r"""
        plut[ôo]t qu['’][àa]
        et non (?:pas )?(?:sur|[àa]|au|vers|dans|celui|celle|la|le)
        (?:et )?pas (?:sur|[àa]|au) (?:la|le|notre)
        au lieu de
        plut[ôo]t que
        """,
    DEIXIS=r"""
        (?:cette|cet|la pr[ée]sente) (?:adresse|e-?mail|bo[îi]te|num[ée]ro)
        (?:adresse|num[ée]ro) (?:ci-dessous|ci-dessus|de ma signature|indiqu[ée]e? dans ma signature)
        (?:dans|de) ma signature
        ici
        """,
    STORY=r"""
        conformit[ée]
        faux
        fausses?
        erron[ée]e?s?
        incorrecte?s?
        erreurs?
        coquille
        retour
        retourn[ée]e?s?
        rejet[ée]e?s?
        """,
    DIRECT=r"""
        directement
        """,
    NOTUS=r"""
        (?:pas|non) [àa] (?:nous|moi),? mais(?! [àa] vous)
        """,
    CORRECT=r"""
        (?:le|la) (?:bon|bonne|correct|correcte) (?:iban|compte|num[eé]ro|rib)
        (?:iban|compte|num[eé]ro|rib) correct\w*
        """,
    OWNED=r"""
        compte de (?:mon|ma|notre) (?!soci[eé]t[eé]|entreprise|banque|client|commande|facture)\w+
        """,
    AMEND=r"""
        (?:amendement|modification|changement)\w* (?:\w+ ){0,3}?(?:lettre de cr[eé]dit|cr[eé]dit documentaire|l/c)
        """,
)

# -- German ---------------------------------------------------------------------------

_DE = _lexicon(
    PAY=r"""
        (?:zahlungs|[üu]berweisungs|bank)(?:daten|informationen|angaben|verbindung)\w*
        zahlungs(?:daten|informationen|anweisung\w*)
        \w*bankbest[äa]tigung\w*
        \w*bankbescheinigung\w*
        \w*kontobest[äa]tigung\w*
        \w*empf[äa]nger(?:daten|konto|bank|angaben|informationen)\w*
        \w*kont(?:o|os|en)\w*
        \w*bankverbindung\w*
        \w*bankdaten
        \w*bankangaben
        \w*bankinformationen
        \w*zahlungsdaten
        \w*zahlungsinformationen
        \w*zahlungsanweisung\w*
        \w*zahlungsempf[äa]nger\w*
        \w*empf[äa]ngerbank
        iban\w*
        swift(?:-?code)?
        bic(?:-?code)?
        bank
        banken
        hausbank
        bankinstitut
        kreditinstitut
        beg[üu]nstigte\w*
        """,
    EXCLUDE=r"""
        online-?banking\w*
        \w*banking-?app\w*
        (?:name|bezeichnung) (?:unserer|der) bank|bankname\w*|hei(?:ss|ß)t (?:unsere|die) bank
        ihre\w* (?:\w+ )?bank
        (?:er[öo]ffnende|avisierende|best[äa]tigende) bank
        (?:ihre|ihr|ihrem|ihren|ihrer|eure|euer) (?:\w*bankverbindung\w*|\w*bankdaten|bank|hausbank|iban\w*|\w*kont(?:o|os|en)\w*)
        (?:schl[üu]ssel|gro(?:ss|ß))kunde\w*
        \w*skont\w*
        \w*kontoausz[üu]g\w*
        \w*(?:kunden|benutzer|nutzer|online|shop|mitglieds|login|e-?mail|mail)kont\w*
        \w*kontof[üu]hrung\w*
        (?:ihr|ihre|ihrem|ihren|ihres|dein|deinem|deinen) (?:\w+ )?\w*kont(?:o|os|en)\w*
        key[- ]account\w*
        bank(?:feiertag|feiertage|geb[üu]hren|spesen|kosten)\w*
        """,
    CONTACT=r"""
        festnetz\w*
        durchwahl\w*
        (?:e-?mail-?|mail)?domains?
        alias
        zentrale
        (?:g|hot|ya|proton|fast)mail
        gmx
        outlook
        yahoo
        icloud
        yandex
        mail\.ru
        e-?mail(?:-?adressen?|-?konto|-?account|-?postfach|s)?
        mail(?:-?adressen?|-?konto|-?account|s)?
        \w*mailadressen?
        \w*mail-adressen?
        telefon(?:nummer\w*)?
        \w*telefonnummer\w*
        handy(?:nummer\w*)?
        mobil(?:nummer\w*|telefon\w*|funknummer\w*)
        rufnummer\w*
        faxnummer\w*
        whatsapp\w*
        wechat
        telegram
        skype
        \w*postfach
        mailbox
        kontaktdaten
        kontaktangaben
        kontaktinformationen
        nummer
        nummern
        """,
    EXCLUDE_CONTACT=r"""
        telefonanlage\w*
        durchwahl\w*
        interne (?:telefon|ruf)?nummer\w*
        e-?mail-?(?:verlauf|thread)\w*
        in (?:allen |jeder |ihren |unseren |den |k[üu]nftigen )*e-?mails?
        (?:vorherige|letzte|vorige)n? e-?mail
        telefon(?:anlage|system)\w*
        (?:steuer|ust|umsatzsteuer)(?:-?id|nummer|-?nr)\w*
        nummer (?:der|des|ihrer|ihres|unserer|unseres) (?:bestellung|rechnung|lieferung|sendung|auftrag\w*|container\w*|artikel\w*)
        """,
    ADDRESS=r"""
        \w+adressen?
        adressen?
        anschrift\w*
        kontakt
        """,
    NEW=r"""
        gesonderte[nmrs]?
        separate[nmrs]?
        (?:ausweich|ersatz|not)konto\w*
        neue[nmrs]?
        zweite[nmrs]?
        neue[nmrs]?
        neu
        ge[äa]nderte[nmrs]?
        aktualisierte[nmrs]?
        andere[nmrs]?
        alternative[nmrs]?
        abweichende[nmrs]?
        vor[üu]bergehende[nmrs]?
        tempor[äa]re[nmrs]?
        private[nmrs]?
        pers[öo]nliche[nmrs]?
        korrigierte[nmrs]?
        richtige[nmrs]?
        (?:privat|zweit|neu|ersatz|ausweich|sonder|ander)(?:kont\w*|bank\w*|adresse\w*|mail\w*|e-mail\w*|nummer\w*|handy\w*|telefon\w*)
        """,
    CHANGE=r"""
        (?:ge)?aender(?:t|te|ten|ter|tes|n|ung|ungen)
        \w+aenderung\w*
        er[öo]ffnet
        (?:ge)?[äa]nder(?:t|te|ten|ter|tes|n|ung|ungen)
        \w+[äa]nderung\w*
        [äa]nderungs\w*
        (?:ab|um|ver)[äa]nder\w*
        \w*wechsel(?!kurs)\w*
        gewechselt
        umgestellt
        umstell\w*
        aktualisier\w*
        ersetz\w*
        ausgetauscht
        umgezogen
        [üu]bersiedel\w*
        verlagert
        verlegt
        migriert
        korrigier\w*
        berichtig\w*
        """,
    OLD=r"""
        (?:die )?bei ihnen (?:hinterlegt|gespeichert)\w*
        alte[nmrs]?
        bisherige[nmrs]?
        vorherige[nmrs]?
        fr[üu]here[nmrs]?
        ehemalige[nmrs]?
        aktuelle[nmrs]?
        \w*altkont\w*
        """,
    STOP=r"""
        nimmt (?:\w+ ){0,3}?keine (?:\w+ )?an
        kann (?:\w+ )?keine (?:\w+ )?empfangen
        abgeschaltet
        abgestellt
        veraltet\w*
        nicht mehr aktuell
        geschlossen
        gesperrt
        gek[üu]ndigt
        aufgel[öo]st
        deaktiviert
        eingefroren
        stillgelegt
        inaktiv
        ung[üu]ltig
        nicht mehr
        keine (?:\w+ )?mehr
        nicht (?:\w+ ){0,3}?(?:verwenden|nutzen|benutzen|[üu]berweisen|zahlen|senden|schreiben|antworten|anweisen)
        au(?:ss|ß)er (?:betrieb|kraft)
        wird (?:\w+ )?(?:geschlossen|aufgel[öo]st|gek[üu]ndigt)
        """,
    PAYDIR=r"""
        ueberweis\w*
        (?:r[üu]ck)?erstatt\w*
        gutschrift\w*
        nutzen
        verwenden
        benutzen
        [üu]berweis\w*
        [üu]berwiesen
        (?:be|ein|aus)?zahl(?:en|ung\w*|t|te|ten|st|e)
        anzahlung\w*
        zahlungen?
        senden sie (?:den|die) (?:betrag|zahlung)
        anweis\w*
        begleich\w*
        gutschreib\w*
        transfer\w*
        (?:zahlungen|betr[äa]ge|gelder) (?:\w+ )?(?:empfangen|erhalten|entgegennehmen)
        """,
    CONTDIR=r"""
        hinterleg\w*
        speicher\w*
        schick\w*
        antwort\w*
        schreib\w*
        send\w*
        kontaktier\w*
        erreich\w*
        melden
        wenden
        richten
        anruf\w*
        rufen
        nutzen
        verwenden
        benutzen
        weiterleit\w*
        hinzuf[üu]g\w*
        """,
    REPLY=r"""
        antwort\w*
        schreib\w*
        korrespond\w*
        """,
    SHIFT=r"""
        ausnahmsweise
        (?:die )?gesamte (?:korrespondenz|kommunikation)
        alle (?:weiteren )?(?:e-?mails|nachrichten|korrespondenz|antworten|mitteilungen)
        ab sofort
        ab (?:heute|jetzt|dem|der|diesem|dieser|n[äa]chste\w*|\d+|kommende\w*|morgen)
        von nun an
        k[üu]nftig\w*
        zuk[üu]nftig\w*
        in zukunft
        fortan
        mit sofortiger wirkung
        mit wirkung (?:zum|ab|vom)
        bis auf weiteres
        vor[üu]bergehend
        tempor[äa]r
        zwischenzeitlich
        stattdessen
        statt
        anstatt
        anstelle
        nicht mehr
        nur (?:noch|auf|an|[üu]ber|dieses|diese|das|die)
        ausschlie(?:ss|ß)lich
        diesmal
        dieses mal
        f[üu]r diese (?:zahlung|rechnung|bestellung|[üu]berweisung|lieferung)
        (?:wir|ist|sind|wird|werden|haben|hat|bitte) (?:\w+ )?jetzt
        jetzt (?:bei|[üu]ber|auf|an|unser\w*|die|das|der)
        nunmehr
        neuerdings
        derzeit
        aktuell
        momentan
        zurzeit
        """,
    RECORDS=r"""
        hinterlegen sie
        bitte (?:\w+ ){0,3}?hinterlegen
        zu hinterlegen
        erfassen
        (?:ihr\w*|euer\w*|eure\w*) (?:unterlagen|system\w*|datenbank|stammdaten|lieferantenstamm\w*|kreditorenstamm\w*|akten|daten|adressbuch|kontakte|erp|buchhaltung\w*|verzeichnis\w*)
        \w*stammdaten
        lieferantenstamm\w*
        kreditorenstamm\w*
        """,
    CAUSE=r"""
        partner(?:firma|unternehmen|gesellschaft)\w*
        (?:betriebs|steuer|buch|wirtschafts|jahresabschluss|sonder|konto|konten|bank|compliance|aufsichts)pr[üu]fung\w*
        (?:in|unter|wegen) (?:der |einer )?\w*pr[üu]fung
        audit\w*
        revision
        steuer(?:lich\w*|gr[üu]nde\w*|pr[üu]fung\w*|beh[öo]rde\w*|amt\w*)?
        finanzamt\w*
        gesperrt
        eingefroren
        blockiert
        \w*sperre
        \w*sperrung
        suspendiert
        eingeschr[äa]nkt
        beschr[äa]nkung\w*
        ermittlung\w*
        untersuchung\w*
        tochter\w*
        schwester\w*
        mutter(?:gesellschaft|konzern|firma|unternehmen)
        konzern\w*
        verbundene\w*
        niederlassung\w*
        umstrukturierung\w*
        fusion\w*
        devisen\w*
        probleme? (?:mit|bei)
        wartung\w*
        """,
    CONTACT_CAUSE=r"""
        [üu]berwacht
        nicht sicher
        kommen (?:\w+ ){0,3}?zur[üu]ck
        zur[üu]ckgewiesen
        blockier\w*
        \w*sperr\w*
        (?:kein\w*|ohne) zugriff
        (?:kein\w*|ohne) zugang
        spinnt
        zickt
        gehackt
        kompromittiert
        \w*hack\w*
        funktioniert (?:\w+ )?nicht
        nicht (?:erreichbar|funktionsf[äa]hig|verf[üu]gbar)
        au(?:ss|ß)er betrieb
        gest[öo]rt
        st[öo]rung\w*
        probleme?
        fehler\w*
        voll
        [üu]berlastet
        wartung\w*
        umstellung\w*
        migration
        gesperrt
        deaktiviert
        verloren
        gestohlen
        defekt
        kaputt
        """,
    NEG=r"""
        nicht
        kein\w*
        nie
        niemals
        ohne
        weder
        nichts
        """,
    NEG_WINDOW="4 3",
    ASSURE=r"""
        bereits (?:bei uns )?(?:hinterlegt|registriert|erfasst)\w*
        keine [äa]nderung
        (?:muss|m[üu]ssen) nicht ge[äa]ndert
        passt
        in ordnung
        stimmt
        (?:bei uns |bei ihnen )?hinterlegte\w*
        bei (?:uns|ihnen) hinterlegt
        unver[äa]ndert\w*
        bleib\w*
        gleiche[nmrs]?
        dieselbe\w*
        derselbe\w*
        dasselbe
        wie (?:gewohnt|bisher|immer|zuvor|bekannt|gehabt|vereinbart|angegeben)
        wie (?:auf|in) (?:der|dem|unserer|unserem|ihrer|ihrem) (?:letzten|vorherigen|fr[üu]heren|rechnung|proforma|vertrag|bestellung)
        bekannte\w*
        noch g[üu]ltig
        weiterhin
        nach wie vor
        laut (?:rechnung|vertrag|proforma)
        gewohnte[nmrs]?
        (?:auf|in) (?:der|dem) (?:letzten|vorherigen) (?:rechnung|proforma|bestellung)
        keine [äa]nderung\w*
        """,
    WARN=r"""
        nie (?:[\w-]+ ){0,3}?(?:auf|auffordern|bitten|[äa]ndern|senden|schicken)
        (?:fordern|bitten|werden) (?:sie |ihnen )?nie
        angeblich\w*
        vorgeblich\w*
        gibt sich als
        \w*betrug\w*
        \w*betr[üu]g\w*
        phishing
        gef[äa]lscht\w*
        f[äa]lschung\w*
        vorsicht\w*
        warnung\w*
        warnen
        verd[äa]chtig\w*
        niemals
        telefonisch (?:\w+ ){0,2}?(?:best[äa]tig|[üu]berpr[üu]f|verifizier|r[üu]ckfrag)\w*
        (?:best[äa]tig|[üu]berpr[üu]f|verifizier)\w* (?:\w+ ){0,3}?telefonisch
        cyberkriminel\w*
        kriminel\w*
        """,
    HYPO=r"""
        in ihrer (?:e-?mail-?)?signatur
        (?:best[äa]tig|pr[üu]f)\w* (?:sie )?(?:uns )?(?:die )?(?:richtige|korrekte) (?:iban|kontonummer|bankverbindung)
        (?:ist|sind) (?:das|dies|diese) (?:wirklich|tats[äa]chlich) (?:ihre?|ihr)\w*
        (?:erhalten|bekommen) (?:eine|einen|ein|diese|diesen) (?:\w+ ){0,2}?(?:e-?mail|nachricht|anfrage|brief|anruf|mail)|(?:eine|einen|ein|diese) (?:\w+ ){0,2}?(?:e-?mail|nachricht|anfrage|mail) (?:\w+ ){0,3}?(?:erhalten|bekommen)
        falls
        sollten sie
        wenn (?:sie )?(?:\w+ ){0,4}?(?:erhalten|bekommen|gebeten|aufgefordert)
        im falle
        jede\w* (?:e-?mail|nachricht|anfrage|aufforderung|mitteilung)
        sofern
        """,
    RECEIVED=r"""
        erhalten
        eingegangen
        zahlungseingang\w*
        gutgeschrieben
        angekommen
        empfangen
        verbucht
        vielen dank f[üu]r (?:die|ihre) (?:zahlung|[üu]berweisung)
        best[äa]tig\w* (?:den )?(?:eingang|erhalt)
        """,
    NOW=r"""
        jetzt
        nun
        nunmehr
        ab sofort
        """,
    OUTGOING=r"""
        vom konto (?:meines|meiner|unseres|unserer) \w+
        von unserem (?:\w+ )?konto
        (?:wir )?(?:zahlen|[üu]berweisen|bezahlen|begleichen) (?:\w+ ){0,4}?(?:von|aus) unsere\w*
        (?:wir )?(?:werden|zahlen|überweisen) (?:\w+ ){0,3}?(?:ihnen|an sie) (?:\w+ ){0,4}?(?:von|über|aus)
        (?:absender|auftraggeber|sender)bank
        (?:f[üu]r sie|ihrerseits|auf ihrer seite) (?:\w+ ){0,3}?(?:nichts|keine [äa]nderung)
        (?:nichts|keine [äa]nderung\w*) (?:\w+ ){0,3}?(?:f[üu]r sie|ihrerseits|auf ihrer seite)
        """,
    PORTAL=r"""
        \w*portal\w*
        passwort\w*
        benutzername\w*
        login\w*
        anmelde(?:daten|n)
        """,
    BANK=r"""
        bank
        banken
        hausbank
        """,
    PERSON=r"""
        \w*kolleg\w*
        \w*spediteur\w*
        \w*agent\w*
        \w*mitarbeiter\w*
        \w*vertreter\w*
        \w*lieferant\w*
        \w*kunde\w*
        \w*partner\w*
        \w*b[üu]ro\w*
        \w*lager\w*
        \w*abteilung\w*
        \w*assistent\w*
        \w*leiter\w*
        \w*manager\w*
        """,
    LINK=r"""
        von
        f[üu]r
        mit
        des
        unseres
        unserer
        ihres
        ihrer
        eines
        einer
        """,
    EFFECTIVE=r"""
        ab sofort
        mit sofortiger wirkung
        mit wirkung (?:zum|ab|vom)
        ab heute
        von nun an
        fortan
        """,
    DESIGNATED=r"""
        hat (?:\w+ ){0,4}?bestimmt
        """,
    COLLECT=r"""
        vereinnahm\w*
        (?:wird|werden) (?:\w+ ){0,6}?(?:von|durch) (?:unserer|unserem|unseren|der|dem) (?:\w+ ){0,4}?(?:eingezogen|entgegengenommen|empfangen)
        """,
    PAYMETHOD=r"""
        pay ?pal
        western ?union
        money ?gram
        payoneer
        transfer ?wise
        skrill
        alipay
        usdt
        bitcoin
        crypto\w*
        """,
    DISREGARD=r"""
        ignorier\w*
        nicht (?:mehr )?beachten
        unber[üu]cksichtigt
        """,
    ONLY=r"""
        nur|ausschlie(?:ss|ß)lich
        """,
    LETTER=r"""
        (?:beigef[üu]gt|beiliegend|anh[äa]ngend)\w* (?:bank)?(?:schreiben|brief|best[äa]tigung|bescheinigung)
        """,
    PAYER=r"""
        (?:auftraggeber|zahler)\w* (?:\w+ ){0,6}?(?:ein anderer|eine andere|anders|abweich\w*)
        (?:auftraggeber|zahler)(?:name|bezeichnung)\w*
        """,
    THIRD=r"""
        (?:unsere|die) andere (?:firma|gesellschaft)
        konto (?:meines|unseres|eines) (?:\w+)?(?:partners|teilhabers|kompagnons|freundes|bekannten|inhabers|chefs)
        (?:mutter|konzern|schwester|holding|dach)gesellschaft\w*
        (?:mutter|konzern|schwester)(?:unternehmen|firma)\w*
        (?:unsere\w*|meine\w*) (?:\w+ )?(?:agentur|agent|agenten|vertreter\w*|beauftragte\w*)
        (?:partner|logistik|inkasso|zahl)(?:agentur|beauftragte\w*|dienstleister\w*|partner\w*|b[üu]ro\w*)
        inkasso\w*
        factoring\w*
        (?:zessionar|abtretungsempf[äa]nger)\w*
        (?:firma|konto) (?:eines|meines) (?:freundes|bekannten)
        (?:privat|pers[öo]nliche\w*) ?konto (?:des|unseres|meines) (?:inhabers|gesch[äa]ftsf[üu]hrers|chefs|direktors)
        shared[- ]service\w*
        durch (?:unsere\w*|einen|eine\w*) (?:\w+ )?(?:beauftragte\w*|agentur|dienstleister\w*|partner\w*)
        """,
    ASSIGN=r"""
        abgetreten
        abtretung\w*
        zession\w*
        factoring\w*
        forderungen (?:\w+ ){0,3}?(?:verkauft|[üu]bertragen)
        """,
    HOLDER=r"""
        (?:auf|unter) (?:den|dem) namen
        kontoinhaber\w*
        """,
    CONTRAST=r"""
        sondern direkt
        nicht (?:aufs|ans|mehr aufs)
        sondern (?:auf|an|aufs|ans)
        und nicht (?:an|auf|mehr an|mehr auf|[üu]ber|in|zu|die|das|den|unser\w*)
        nicht (?:an|auf) (?:das|die|den|unser\w*)
        (?:an)?statt (?:an|auf|der|die|das|des|unser\w*)
        anstelle
        """,
    DEIXIS=r"""
        (?:diese|folgende) (?:adresse|e-?mail\w*|nummer|mailadresse)
        (?:adresse|nummer) (?:unten|oben|in meiner signatur)
        (?:in|aus) meiner signatur
        signatur
        hierhin
        """,
    STORY=r"""
        compliance\w*
        falsch\w*
        fehlerhaft\w*
        fehler\w*
        irrtum\w*
        zur[üu]ckgebucht\w*
        zur[üu]ckgekommen
        abstimmung
        """,
    DIRECT=r"""
        direkt
        """,
    NOTUS=r"""
        nicht (?:an|auf) (?:uns|mich),? sondern(?! (?:an )?(?:sie|ihnen|euch)(?!\w))
        """,
    CORRECT=r"""
        (?:die |der )?(?:richtige|korrekte)[nr]? (?:iban|kontonummer|bankverbindung|konto)
        (?:richtig|korrekt) lautet
        lautet (?:richtig|korrekt)
        """,
    OWNED=r"""
        konto (?:meines|meiner|unseres|unserer) (?!firma|unternehmens|bank|kunden|bestellung|rechnung)\w+
        """,
    AMEND=r"""
        akkreditiv\w*
        akkreditiv\w* (?:\w+ ){0,2}?er[öo]ffnet
        \w*[äa]nderung\w* (?:\w+ ){0,3}?(?:akkreditiv|l/c)\w*
        """,
)

# -- Portuguese -----------------------------------------------------------------------

_PT = _lexicon(
    PAY=r"""
        (?:informa[çc][õo]es|instru[çc][õo]es) (?:de|para) (?:pagamento|cobran[çc]a|transfer[êe]ncia)
        dados (?:banc[áa]rios|de pagamento|para (?:o )?(?:pagamento|dep[óo]sito))
        domic[íi]lio banc[áa]rio
        carta do banco
        declara[çc][ãa]o banc[áa]ria
        carta banc[áa]ria
        comprovante de titularidade
        contas?
        dados banc[áa]rios
        dados (?:de )?(?:pagamento|transfer[êe]ncia|da conta)
        informa[çc][õo]es banc[áa]rias
        coordenadas banc[áa]rias
        iban
        nib
        swift
        bic
        pix
        chave pix
        bancos?
        benefici[áa]ri[oa]s?
        favorecid[oa]s?
        instru[çc][õo]es de pagamento
        """,
    EXCLUDE=r"""
        internet banking
        (?:aplicativo|app|aplica[cç][aã]o) (?:\w+ ){0,2}?banc\w*
        servi[cç]os banc[aá]rios
        nome d[oa] (?:nosso )?banco
        (?:seu|sua|teu|vosso) banco(?: \w+)?
        (?:os seus|as suas|seus|suas|sua|seu|vossos?|vossas?) (?:dados banc[áa]rios|contas?(?: banc[áa]rias?)?|bancos?|iban|nib)
        contas?[- ]chaves?
        (?:gerente|gestor|gestora|executiv[oa]|respons[áa]vel) (?:de )?contas?
        (?:em|por) conta
        (?:levar|levando|levamos|leve|tomar) em conta
        (?:dar|dei|deu|demos) conta
        extratos?
        conta (?:de )?(?:cliente|usu[áa]rio|luz|[áa]gua|telefone|energia)
        sua conta
        (?:tarifas?|taxas?|despesas?) banc[áa]rias
        contabil\w*
        feriados? banc[áa]rios?
        """,
    CONTACT=r"""
        (?:telefone )?fixo
        linha (?:fixa|direta)
        dom[íi]nios?
        alias
        caixa (?:geral|de correio|postal eletr[ôo]nica)
        (?:g|hot|ya|proton|fast)mail
        gmx
        outlook
        yahoo
        icloud
        yandex
        mail\.ru
        e-?mails?
        endere[çc]os? de e-?mail
        correio eletr[ôo]nico
        caixa (?:de )?(?:e-?mail|correio|entrada|postal)
        telefones?
        celular(?:es)?
        telem[óo]vel
        telem[óo]veis
        m[óo]vel
        n[úu]meros?(?: de (?:telefone|celular|whatsapp|contato|contacto))?
        whats ?app
        zap
        wechat
        telegram
        skype
        contatos?
        contactos?
        """,
    EXCLUDE_CONTACT=r"""
        ramais?
        ramal
        sistema telef[oô]nico
        central telef[oô]nica
        (?:fio|cadeia|conversa) de e-?mails?
        n[úu]meros? d[oa]s? (?:nosso |nossa |seu |sua |vosso |vossa )?(?:pedido|encomenda|fatura|factura|contrato|processo|conta)
        (?:em|n)(?:os|as)? (?:todos |todas )?(?:os |as |seus |nossos )?(?:e-?mails|mensagens|correspond[êe]ncias)
        e-?mail anterior
        (?:sistema|central) telef[ôo]nic[oa]
        n[úu]mero de (?:contribuinte|identifica[çc][ãa]o fiscal)
        nif
        cnpj
        n[úu]meros? (?:de|do|da|dos|das) (?:pedido|fatura|factura|conta|s[ée]rie|lote|rastreio|rastreamento|cont[êe]iner|contentor|modelo|refer[êe]ncia|encomenda|cliente|fornecedor|nota|cnpj|processo|contrato|pe[çc]as|unidades|itens|caixas)
        n[úu]mero (?:iban|swift|nib)
        """,
    ADDRESS=r"""
        endere[çc]os?
        """,
    NEW=r"""
        dedicad[oa]s?
        separad[oa]s?
        de (?:reserva|emerg[êe]ncia|backup)
        segund[oa]s?
        nov[oa]s?
        diferentes?
        outr[oa]s?
        alternativ[oa]s?
        atualizad[oa]s?
        actualizad[oa]s?
        alterad[oa]s?
        modificad[oa]s?
        corrigid[oa]s?
        corret[oa]s?
        tempor[áa]ri[oa]s?
        provis[óo]ri[oa]s?
        pessoa(?:l|is)
        privad[oa]s?
        rec[ée]m[- ]abert[oa]s?
        secund[áa]ri[oa]s?
        """,
    CHANGE=r"""
        abrimos
        aberta
        aberto
        alter\w*
        mud\w*
        troc\w*
        atualiz\w*
        actualiz\w*
        modific\w*
        substitu\w*
        migr\w*
        corrig\w*
        corre[çc][ãa]o
        """,
    OLD=r"""
        (?:os|as) que (?:\w+ ){0,2}?(?:t[êe]m|tem|tinham) (?:guardad|registad|registrad|arquivad)\w*
        antig[oa]s?
        anterior(?:es)?
        velh[oa]s?
        atua(?:l|is)
        pr[ée]vi[oa]s?
        habitua(?:l|is)
        """,
    STOP=r"""
        n[ãa]o (?:manda|mande|mandem|envia|envie|enviem|transfere|transfira|deposita|deposite)
        n[ãa]o est[áa] a (?:receber|aceitar)
        n[ãa]o (?:recebe|aceita|consegue receber)
        deixa(?:m|r[ãa]o)? de ser aceit\w*
        desatualizad[oa]s?
        obsolet[oa]s?
        encerrad[oa]s?
        fechad[oa]s?
        cancelad[oa]s?
        bloquead[oa]s?
        congelad[oa]s?
        suspens[oa]s?
        inativ[oa]s?
        desativad[oa]s?
        inv[áa]lid[oa]s?
        j[áa] n[ãa]o
        n[ãa]o (?:\w+ ){0,2}?mais
        deixou de
        deixar[áa] de
        n[ãa]o (?:\w+ ){0,2}?(?:utilize|utilizem|use|usem|pague|paguem|envie|enviem|transfira|transfiram|deposite|depositem|fa[çc]a|fa[çc]am|escreva|escrevam|responda|respondam)
        fora de (?:servi[çc]o|uso)
        """,
    PAYDIR=r"""
        receb\w* (?:os )?fundos
        mand\w* (?:o|os|a|as) (?:dinheiro|valor|pagamento|saldo|sinal)
        transfir\w*
        reembols\w*
        devolu[çc][ãa]o
        estorno
        us(?:e|em|ar)
        utiliz\w*
        pag\w*
        transfer\w*
        deposit\w*
        remet\w*
        envi\w* (?:o|os|a|as) (?:pagamentos?|valor(?:es)?|dinheiro|fundos|saldo|dep[óo]sitos?|transfer[êe]ncias?)
        efetu\w*
        efectu\w*
        realiz\w* (?:o|os) pagamentos?
        credit\w*
        receb\w* (?:os )?pagamentos
        liquid\w*
        quit\w*
        """,
    CONTDIR=r"""
        venham
        guard(?:e|em|ar)\b
        registr(?:e|em|ar)\b
        respond\w*
        escrev\w*
        envi\w*
        mand\w*
        encaminh\w*
        contat\w*
        contact\w*
        lig\w*
        us(?:e|em|ar)
        utiliz\w*
        dirij\w*
        adicion\w*
        comuni\w*
        fal\w* comigo
        """,
    REPLY=r"""
        respond\w*
        escrev\w*
        correspond\w*
        """,
    SHIFT=r"""
        (?:liquida[cç][õo]es|pagamentos|transfer[êe]ncias) futur[ao]s
        excecionalmente
        excepcionalmente
        dessa vez
        nessa vez
        a partir de (?:agora|hoje|este|esta|amanh[ãa]|\d+|janeiro|fevereiro|mar[çc]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|segunda|ter[çc]a|quarta|quinta|sexta)
        a partir d(?:este|esta|o|a|os|as) (?:pr[óo]xim\w*|fatura|factura|m[êe]s|semana|dia|momento|pedido|encomenda|data|ano|\d+)\w*
        tod[ao]s? (?:a |as |os )?(?:correspond[êe]ncias?|comunica[çc](?:[ãa]o|[õo]es)|e-?mails|mensagens|respostas)
        de agora em diante
        daqui (?:em diante|para frente)
        doravante
        desde (?:j[áa]|agora|hoje)
        futur[oa]s (?:pagamentos|faturas|facturas|transfer[êe]ncias|pedidos|encomendas|e-?mails|comunica[çc][õo]es|mensagens)
        pr[óo]xim[oa]s (?:pagamentos|faturas|facturas|transfer[êe]ncias)
        no futuro
        com efeito imediato
        temporariamente
        provisoriamente
        at[ée] (?:novo aviso|segunda ordem)
        em vez d\w*
        ao inv[ée]s d\w*
        j[áa] n[ãa]o
        n[ãa]o (?:\w+ ){0,2}?mais
        (?:apenas|somente|s[óo]|unicamente|exclusivamente) (?:\w+ ){0,2}?(?:para|na|nesta|neste|pela|pelo|via|esta|este|a nova|o novo)
        desta vez
        por agora
        agora (?:\w+ )?(?:usamos|utilizamos|recebemos|trabalhamos|temos|[ée]|s[ãa]o|deve|devem|nossa|nosso|com)
        (?:passamos|passaram|passou) a
        no momento
        atualmente
        actualmente
        """,
    RECORDS=r"""
        agenda
        cadastr(?:ar|em|e)
        registr(?:ar|em|e) (?:a|esta|nossa|os)
        (?:seus|suas|vossos?|vossas?|o seu|a sua) (?:registros?|registos?|sistemas?|cadastros?|base de dados|arquivos?|ficheiros?|dados mestres?|agenda|contatos|contactos)
        cadastro (?:de )?fornecedor\w*
        """,
    CAUSE=r"""
        coligad[ao]s?
        afiliad[ao]s?
        subsidi[áa]ri[ao]s?
        (?:empresa|sociedade) (?:parceira|associada)
        parceir[oa]s?
        reestrutura\w*
        casa[- ]m[ãa]e
        empresa[- ]m[ãa]e
        auditori\w*
        (?:raz[õo]es|motivos|quest[õo]es|problemas?|fiscaliza[çc][ãa]o|inspe[çc][ãa]o) fisca(?:l|is)
        fiscaliza\w*
        impostos?
        tribut[áa]ri\w*
        receita federal
        congelad\w*
        bloquead\w*
        suspens[ãa]o
        em (?:revis[ãa]o|an[áa]lise|auditoria|manuten[çc][ãa]o)
        sob (?:revis[ãa]o|an[áa]lise|investiga[çc][ãa]o)
        investiga[çc][ãa]o
        restri[çc](?:[ãa]o|[õo]es)
        restrit[oa]s?
        filia(?:l|is)
        subsidi[áa]ri\w*
        empresa (?:m[ãa]e|irm[ãa]|coligada|associada|controlada|do grupo)
        problemas? (?:com|na|no|em) (?:a|o|nossa|nosso|minha|meu)
        manuten[çc][ãa]o
        controle cambial
        """,
    CONTACT_CAUSE=r"""
        (?:dom[ií]nio|e-?mail|caixa|servidor) (?:\w+ ){0,2}?(?:venceu|expirou|expirad[oa])
        n[ãa]o (?:est[aá] )?funcionando
        monitorad[oa]s?
        n[ãa]o [ée] segur[oa]
        devolvid[oa]s?
        bloque\w*
        sem acesso
        dando (?:pau|problema\w*|erro)
        caiu
        n[ãa]o (?:abre|carrega|entra)
        hacke\w*
        invadid[oa]
        comprometid[oa]
        n[ãa]o (?:est[áa] )?funciona\w*
        fora do ar
        fora de servi[çc]o
        cheia
        lotada
        problemas?
        falhas?
        erros?
        manuten[çc][ãa]o
        migra[çc][ãa]o
        bloquead[oa]
        suspens[oa]
        perdi\w*
        perdid[oa]
        roubad[oa]
        n[ãa]o (?:recebo|consigo|conseguimos|recebemos)
        """,
    NEG=r"""
        n[ãa]o
        nunca
        jamais
        nenhum\w*
        nada
        sem
        nem
        """,
    NEW_WINDOW="2 3",
    NEG_WINDOW="3 1",
    ASSURE=r"""
        (?:que )?j[aá] (?:temos )?(?:cadastrad|registad|registrad)\w*
        nenhuma (?:altera[cç][aã]o|mudan[cç]a)
        n[aã]o (?:precisa|[eé] preciso|h[aá] necessidade) (?:de )?(?:alterar|mudar|trocar)
        sem (?:altera[çc](?:[ãa]o|[õo]es)|mudan[çc]as?)
        inalterad[oa]s?
        continua
        continuam
        permanece
        permanecem
        mant[ée]m
        mant[êe]m
        (?:o|a|os|as) mesm[oa]s?
        mesm[oa]s?
        igua(?:l|is) (?:a|ao|à)
        como (?:sempre|de costume|antes|habitualmente|indicad\w*|consta\w*|na (?:[úu]ltima|anterior|fatura|factura|proforma)|no (?:[úu]ltimo|anterior|contrato|pedido))
        habitua(?:l|is)
        de sempre
        (?:indicad|mencionad|informad)[oa]s? (?:n[oa]|em) (?:[úu]ltim[oa]|anterior|fatura|factura|proforma|contrato)
        (?:consta|constam|constante|constantes) (?:n[oa]|em)
        ainda (?:v[áa]lid|ativ)[oa]s?
        nenhuma altera[çc][ãa]o
        """,
    WARN=r"""
        supostamente
        alegadamente
        fazendo-se passar
        se passando
        fraud\w*
        golpe\w*
        golpist\w*
        phishing
        engan\w*
        burla\w*
        falsific\w*
        fals[oa]s?
        suspeit\w*
        cuidado
        aten[çc][ãa]o (?:a|à|com)
        alerta\w*
        nunca (?:\w+ ){0,2}?(?:solicit|pedi|pede|alter|mud|envi|comunic)\w*
        jamais
        verifi\w* (?:\w+ ){0,3}?(?:por telefone|telefonicamente)
        confirm\w* (?:\w+ ){0,3}?(?:por telefone|telefonicamente)
        criminos\w*
        cibercrim\w*
        estelionat\w*
        """,
    HYPO=r"""
        na (?:sua|tua) assinatura
        (?:[eé]|s[aã]o) (?:mesmo|realmente|de fato) (?:seu|sua|teu|tua)\w*
        (?:recebemos|recebido|recebi|chegou) (?:um|uma|o|a|este|esta) (?:\w+ ){0,2}?(?:e-?mail|mensagem|pedido|solicita[çc][ãa]o|carta|liga[çc][ãa]o)
        se (?:voc[êe]s? |v\.? ?s\w* )?receber\w*
        se (?:voc[êe]s? )?recebe\w*
        se algu[ée]m
        se (?:\w+ )?(?:solicitar|pedir)\w*
        caso (?:\w+ ){0,3}?(?:receba\w*|recebam|solicit\w*)
        qualquer (?:e-?mail|mensagem|solicita[çc][ãa]o|pedido|comunica[çc][ãa]o|liga[çc][ãa]o)
        quando receber
        """,
    RECEIVED=r"""
        (?<!de\x20)recebimento
        recebid[oa]s?
        recebemos (?:o|a|seu|sua|vosso|vossa) (?:pagamento|transfer[êe]ncia|dep[óo]sito|valor)
        chegou
        chegaram
        creditad[oa]s?
        compensad[oa]s?
        confirm\w* (?:o )?recebimento
        obrigad[oa] pelo pagamento
        caiu na conta
        entrou na conta
        """,
    NOW=r"""
        agora (?:o|a|os|as|nossa|nosso|nossas|nossos|minha|meu) (?:\w+ ){1,3}?(?:[ée]|s[ãa]o|ser[áa]o?|est[áa]o?|passa|passam)
        agora
        atualmente
        """,
    OUTGOING=r"""
        (?:a partir )?da conta d[ae]? (?:minha|meu|nossa|nosso) \w+
        (?:saiu|enviad[oa]|feit[oa]|efetuad[oa]) (?:\w+ ){0,3}?da nossa (?:\w+ )?conta
        a partir da nossa conta
        (?:pagaremos|vamos pagar|transferiremos|vamos transferir) (?:\w+ ){0,4}?(?:da|desde|a partir da|pela) (?:nossa )?conta
        (?:vamos )?(?:pagar|pagaremos|transferiremos) (?:\w+ ){0,3}?(?:a voc[êe]s?|lhes?) (?:\w+ ){0,4}?(?:atrav[ée]s|pelo|pela|via|desde|a partir)
        banco (?:remetente|ordenante|pagador)
        (?:n[ãa]o (?:[ée] (?:preciso|necess[áa]rio)|precisa\w*)|nada a) (?:\w+ ){0,2}?(?:mudar|alterar|atualizar)
        """,
    PORTAL=r"""
        portal
        login
        senha
        """,
    BANK=r"""
        bancos?
        """,
    PERSON=r"""
        colega\w*
        despachante\w*
        agente\w*
        gerente\w*
        assistente\w*
        representante\w*
        funcion[áa]ri\w*
        fornecedor\w*
        cliente\w*
        parceir\w*
        escrit[óo]rio\w*
        armaz[ée]m\w*
        f[áa]brica\w*
        departamento\w*
        """,
    LINK=r"""
        de
        do
        da
        dos
        das
        para
        por
        com
        que
        """,
    EFFECTIVE=r"""
        com efeito imediato
        com efeitos? a partir
        a partir de (?:hoje|agora)
        desde j[áa]
        de agora em diante
        doravante
        """,
    DESIGNATED=r"""
        designou
        designad[oa]s? pel[oa]
        """,
    COLLECT=r"""
        ser[áa]o? recebid[oa]s? pel[oa]
        receber[áa] (?:o|os|a|as) (?:saldo|pagamentos?|valores?)
        ser[áa]o? cobrad[oa]s? pel[oa]
        """,
    PAYMETHOD=r"""
        pay ?pal
        western ?union
        money ?gram
        payoneer
        transfer ?wise
        skrill
        alipay
        usdt
        bitcoin
        crypto\w*
        """,
    DISREGARD=r"""
        desconsider\w*
        ignor\w*
        n[ãa]o (?:leve|levem) em conta
        """,
    ONLY=r"""
        somente|apenas|s[óo]|exclusivamente|unicamente
        """,
    LETTER=r"""
        carta (?:\w+ ){0,2}?(?:em )?anexo
        (?:carta|certificado|documento|notifica[çc][ãa]o) (?:d[oa] banco |banc[áa]ri[oa] )?(?:em )?anexo
        """,
    PAYER=r"""
        (?:ordenante|pagador|remetente)\w* (?:\w+ ){0,3}?(?:ser[áa]|diferente\w*|outro)
        nome do (?:ordenante|pagador|remetente)
        """,
    THIRD=r"""
        conta d[ae]? (?:nossa|minha) empresa (?:parceira|irm[ãa]|associada|coligada)
        (?:nossa |a )?outra empresa
        holding
        (?:atrav[ée]s|por meio) d[oa] (?:nosso|nossa|um|uma) (?:parceir|intermedi[áa]ri|agente)\w*
        conta (?:pessoal |particular )?d[oa] (?:meu |minha |nosso |nossa )?(?:s[óo]ci[oa]|dono|dona|propriet[áa]ri[oa]|diretor|diretora|chefe|amig[oa]|parceir[oa]|irm[ãa]o?)
        (?:empresa|sociedade|companhia|casa)[- ](?:m[ãa]e|do grupo|irm[ãa]|holding|cession[áa]ria|de factoring)
        (?:nosso|nossa|nossos|meu) (?:\w+ )?(?:agentes?|despachantes?|procuradores?)
        agentes? (?:de cobran[çc]a|aduaneiro|log[íi]stico|local)
        cession[áa]ri[oa]
        (?:parceiro|operador) log[íi]stico
        (?:empresa|conta) de (?:um|meu|nosso) amigo
        conta (?:pessoal |particular )?(?:do|de nosso|do nosso|de meu) (?:dono|propriet[áa]rio|diretor|director|gerente|chefe|s[óo]cio)
        centro de servi[çc]os partilhados
        centro de servi[çc]os compartilhados
        confiad[oa] (?:\w+ ){0,4}?(?:a|ao|[àa]) (?:nossa|nosso)
        """,
    ASSIGN=r"""
        cedid[oa]s? (?:\w+ ){0,3}?(?:cr[ée]ditos?|faturas?|facturas?|receb[íi]veis)
        (?:cr[ée]ditos?|faturas?|facturas?|receb[íi]veis) (?:\w+ ){0,3}?cedid[oa]s?
        cess[ãa]o de (?:cr[ée]ditos|receb[íi]veis)
        factoring
        """,
    HOLDER=r"""
        em nome de
        """,
    CONTRAST=r"""
        e n[ãa]o (?:para|a|ao|[àa]|na|no|em|pela|pelo|sobre)
        n[ãa]o para (?:a|o|nossa|nosso)
        em (?:vez|lugar) de
        ao inv[ée]s de
        """,
    DEIXIS=r"""
        (?:este|esse|esta|essa) (?:endere[çc]o|e-?mail|n[úu]mero|caixa)
        endere[çc]o (?:abaixo|que consta na minha assinatura|da minha assinatura)
        (?:na|da) minha assinatura
        aqui
        """,
    STORY=r"""
        gralhas?
        conformidade
        travad[oa]s?
        errad[oa]s?
        incorret[oa]s?
        est[áa] mal
        erros?
        equ[íi]voco
        devolvid[oa]s?
        rejeitad[oa]s?
        """,
    DIRECT=r"""
        diretamente
        direto
        """,
    NOTUS=r"""
        n[ãa]o (?:para|a|pra) (?:n[óo]s|mim),? (?:e sim|mas|sen[ãa]o)
        """,
    CORRECT=r"""
        (?:o|a) corret[oa] [eé]
        (?:conta|iban|n[uú]mero) corret[oa]
        """,
    OWNED=r"""
        conta d[ae]? (?:minha|meu|nossa|nosso) (?!empresa|companhia|firma|banco|cliente|pedido|fatura|pr[óo]pria)\w+
        conta d(?:ele|ela)
        """,
    AMEND=r"""
        (?:emenda|altera[cç][aã]o|modifica[cç][aã]o)\w* (?:\w+ ){0,3}?(?:carta de cr[eé]dito|cr[eé]dito document[aá]rio|l/c)
        """,
)

# -- Russian --------------------------------------------------------------------------

_RU = _lexicon(
    PAY=r"""
        (?:стар|прежн|закрыт|заблокированн|основн|временн|личн|запасн|отдельн|специальн|выделенн)\w* сч[её]т\w*
        сч[её]т\w* для (?:поступлени|зачислени|приема)\w*
        (?:платежн|банковск)\w* (?:реквизит|данн)\w*
        указанн\w* (?:ниже |выше )?сч[её]т\w*
        сч[её]т\w* ниже
        (?:наш|мой|нашей компании)\w* сч[её]т\w*
        (?:открыли|открыт\w*|открыл\w*) (?:\w+ )?сч[её]т\w*
        реквизит\w*
        (?:расч[её]тн|банковск|валютн|текущ|нов|друг|ин|резервн|корпоративн)\w* сч[её]т\w*
        сч[её]т\w* (?:в банке|получателя|компании|организации|фирмы)
        (?:на|по) (?:\w+ ){0,2}?сч[её]т(?:а|у|е|ом)?
        номер\w* сч[её]т\w*
        р/с
        iban
        swift
        свифт
        бик
        банк\w*
        получател\w*
        бенефициар\w*
        платежн\w* (?:данн|инструкци|информаци)\w*
        """,
    EXCLUDE=r"""
        интернет-?банк\w*
        мобильн\w* банк\w*
        банковск\w* приложени\w*
        (?:название|наименование) (?:нашего )?банка
        (?:ваш|тво)\w* банк\w*
        сч[её]т\w* за
        ваш\w* (?:банковск\w* )?(?:реквизит\w*|сч[её]т\w*|банк\w*)
        сч[её]т\w* (?:на оплату|№|номер|no|n|#|\d)
        (?:выставл|выстав|прилага|высыла|подписан|подпиш|подпис)\w* (?:\w+ ){0,2}?сч[её]т\w*
        оплат\w* сч[её]т\w*
        сч[её]т[-\s]?фактур\w*
        (?:за|в) сч[её]т
        по сч[её]ту
        банковск\w* (?:комисси|сбор|выходн|праздник|выписк)\w*
        банкет\w*
        """,
    CONTACT=r"""
        городск\w* (?:номер|телефон)\w*
        стационарн\w* (?:номер|телефон)\w*
        домен\w*
        псевдоним\w*
        алиас\w*
        (?:g|hot|ya|proton|fast)mail
        gmx
        outlook
        yahoo
        icloud
        yandex
        mail\.ru
        (?:электронн\w* )?почт(?:а|ы|у|е|ой|ою|ов\w*)
        (?:e-?mail|email|имейл\w*|емейл\w*|мейл\w*|имэйл\w*)
        ящик\w*
        телефон\w*
        мобильн\w*
        номер(?:а|ом|у|е)?(?: телефона)?
        whats ?app
        ватсап\w*
        вотсап\w*
        wechat
        вичат\w*
        telegram
        телеграм\w*
        skype
        скайп\w*
        viber
        вайбер\w*
        контакт\w*
        """,
    EXCLUDE_CONTACT=r"""
        внутренн\w* номер\w*
        добавочн\w*
        телефонн\w* (?:станци|систем)\w*
        номер\w* (?:нашего|вашего|нашей|вашей) (?:заказ|договор|сч[её]т|заявк)\w*
        во всех (?:письмах|сообщениях)
        в (?:письмах|сообщениях)
        предыдущ\w* (?:письм|сообщени)\w*
        (?:телефонн|атс)\w* (?:систем|станци)\w*
        инн
        номер\w* \d+\w*
        номер\w* (?:заказ|сч[её]т|договор|контейнер|инвойс|парти|накладн|отслеживани|модел|артикул|позици|платеж|плат[её]ж|поручени|рейс|коносамент|декларац|iban|свифт|swift)\w*
        """,
    ADDRESS=r"""
        адрес\w*
        """,
    NEW=r"""
        отдельн\w*
        специальн\w*
        выделенн\w*
        втор(?:ой|ая|ое|ые|ого|ую|ом)
        нов(?:ый|ая|ое|ые|ого|ой|ую|ом|ым|ыми|ых|ому)
        друг(?:ой|ая|ое|ие|ого|ую|ом|им|ими|их)
        ин(?:ой|ая|ое|ые|ого|ую|ом)
        альтернативн\w*
        обновл[её]нн\w*
        измен[её]нн\w*
        актуальн\w*
        временн\w*
        резервн\w*
        личн\w*
        частн\w*
        запасн\w*
        """,
    CHANGE=r"""
        открыли
        открыт\w*
        измен\w*
        смен\w*
        помен\w*
        замен\w*
        обнов\w*
        перев[её]л\w* (?:\w+ )?(?:сч[её]т|обслуживани)\w*
        перешл\w*
        переш[её]л\w*
        переход\w*
        переех\w*
        корректир\w*
        скорректир\w*
        исправ\w*
        переоформ\w*
        """,
    OLD=r"""
        (?:те|которые) (?:\w+ ){0,2}?(?:у вас|сохранен|записан)\w*
        стар\w*
        прежн\w*
        предыдущ\w*
        бывш\w*
        текущ\w*
        """,
    STOP=r"""
        не (?:принима|получа)\w*
        устарел\w*
        неактуальн\w*
        закры\w*
        заблокир\w*
        заморож\w*
        приостановл\w*
        недействит\w*
        неактивн\w*
        аннулир\w*
        больше не
        не (?:\w+ )?(?:использу|действу|актуальн|работа|оплачива|переводит|перечисля|отправля|пишит|направля)\w*
        прекрат\w*
        ликвидир\w*
        """,
    PAYDIR=r"""
        возврат\w*
        верн\w*
        использ\w*
        оплат\w*
        оплачива\w*
        плат[её]ж\w*
        перевод\w*
        переведит\w*
        перевест\w*
        перечисл\w*
        отправ\w* (?:\w+ )?(?:оплат|плат[её]ж|средств|деньг|сумм)\w*
        направ\w* (?:\w+ )?(?:оплат|плат[её]ж|средств|сумм)\w*
        зачисл\w*
        внес\w*
        произвед\w* (?:\w+ )?оплат\w*
        принима\w* (?:\w+ )?(?:оплат|плат[её]ж)\w*
        получа\w* (?:\w+ )?(?:оплат|плат[её]ж)\w*
        """,
    CONTDIR=r"""
        пришлите
        присылайте
        сохран\w*
        внесит\w*
        скин\w*
        кинь\w*
        кида\w*
        отвеча\w*
        ответ\w*
        пиш\w*
        напиш\w*
        отправл\w*
        отправ\w*
        направ\w*
        пересыла\w*
        перешл\w*
        свяж\w*
        связыва\w*
        звон\w*
        позвон\w*
        использу\w*
        обраща\w*
        обратит\w*
        добав\w*
        """,
    REPLY=r"""
        отвеча\w*
        ответ\w*
        пиш\w*
        напиш\w*
        переписк\w*
        """,
    SHIFT=r"""
        пока (?:что )?(?:пиши\w*|мне|на|звони\w*|отправля\w*|шли\w*|кидаи\w*)
        с этой недели
        с этого месяца
        (?:всю|все) (?:дальнейш\w* )?(?:переписк\w*|корреспонденци\w*|письма|сообщения|ответы)
        теперь
        впредь
        отныне
        с (?:сегодняшнего|этого|текущего|нынешнего|завтрашнего|понедельника|\d+)\w*
        начиная с\w*
        в дальнейшем
        в будущем
        будущ\w* (?:платеж|плат[её]ж|оплат|сч[её]т|переписк|письм|сообщени)\w*
        последующ\w*
        следующ\w* (?:платеж|плат[её]ж|оплат)\w*
        временно
        на время
        до (?:дальнейшего|особого) уведомления
        вместо
        больше не
        только (?:на|по|через|этот|эти|этому|указанн\w*|нов\w*)
        исключительно
        (?:на|в) этот раз
        для (?:этого|данного) (?:платеж|плат[её]ж|заказ|сч[её]т)\w*
        сейчас (?:\w+ )?(?:используем|принимаем|работаем|обслуживаемся|у нас)
        пока что
        на данный момент
        в настоящее время
        """,
    RECORDS=r"""
        адресн\w* книг\w*
        внес\w* в (?:\w+ )?(?:систем|баз|карточк|уч[её]т)\w*
        (?:ваш\w*|сво\w*) (?:\w+ )?(?:систем|баз|уч[её]т|запис|справочник|карточк|контакт|данны)\w*
        у себя
        карточк\w* (?:контрагента|поставщика|компании)
        """,
    CAUSE=r"""
        партн[её]р\w*
        реструктуризаци\w*
        аудит\w*
        (?:налогов|аудиторск|банковск|плановой|внеплановой|финансов)\w* проверк\w*
        проверк\w* (?:сч[её]т|банк|налогов|аудит)\w*
        на проверке
        налогов\w*
        налог\w*
        фнс
        заблокир\w*
        блокировк\w*
        заморож\w*
        приостановл\w*
        ограничени\w*
        валютн\w* контрол\w*
        санкци\w*
        дочерн\w*
        аффилир\w*
        филиал\w*
        материнск\w*
        головн\w* (?:компани|офис)\w*
        партн[её]рск\w* компани\w*
        проблем\w* с
        техническ\w* (?:работ|причин|проблем)\w*
        реорганизаци\w*
        """,
    CONTACT_CAUSE=r"""
        забит\w*
        переполнен\w*
        не доход\w*
        прослушива\w*
        мониторя\w*
        небезопасн\w*
        возвращ\w*
        реж\w* (?:\w+ ){0,3}?вложени\w*
        блокиру\w*
        глюч\w*
        нет доступа
        без доступа
        доступ\w* (?:\w+ ){0,5}?не будет
        не могу (?:зайти|открыть|войти)
        взлом\w*
        скомпрометир\w*
        не работа\w*
        не доступ\w*
        недоступ\w*
        переполн\w*
        проблем\w*
        сбо\w*
        ошибк\w*
        техническ\w*
        заблокир\w*
        утерян\w*
        потерян\w*
        украден\w*
        не (?:получа|приход)\w*
        """,
    NEG=r"""
        не
        нет
        ни
        никогда
        без
        ничего
        """,
    NEG_WINDOW="2 1",
    ASSURE=r"""
        (?:оста[её]тся |остаются |остались )?прежни[еи](?=\s*(?:[.;!]|$))
        (?:уже )?(?:есть у нас|имеющ\w* у нас)
        не (?:нужно|надо|требуется) (?:\w+ )?(?:менять|изменять)
        без изменени\w*
        неизменн\w*
        оста[её]тся
        остаются
        остались
        останутся
        те же
        тот же
        та же
        то же
        тех же
        такие же
        такой же
        как (?:и )?(?:раньше|прежде|обычно|всегда|ранее|в (?:прошлом|предыдущем|последнем|договоре|сч[её]те|инвойсе))
        указанн\w* в (?:договоре|сч[её]те|инвойсе|предыдущ\w*|последн\w*)
        по-прежнему
        изменений нет
        """,
    WARN=r"""
        мошенник\w*
        якобы
        будто бы
        выдавая себя
        мошенни\w*
        фишинг\w*
        поддел\w*
        фальши\w*
        осторожн\w*
        бдительн\w*
        подозрит\w*
        никогда не
        злоумышленни\w*
        предупрежда\w*
        обман\w*
        """,
    HYPO=r"""
        в вашей подписи
        (?:это|этот) (?:правда|действительно|точно) ваш\w*
        (?:получил\w*|пришл\w*|пришло) (?:\w+ ){0,2}?(?:письм|сообщени|запрос|звон)\w*
        если (?:\w+ ){0,4}?(?:получ|попрос|запрос|прос)\w*
        в случае (?:\w+ ){0,3}?(?:получени|запрос|просьб)\w*
        любые? (?:письм|сообщени|запрос|просьб|уведомлени)\w*
        любое (?:письм|сообщени|уведомлени)\w*
        """,
    RECEIVED=r"""
        получ(?:ил|или)\w*
        получен(?:а|о|ы)?
        поступ(?:ил|ила|ило|или|ление|ления|лении)\w*
        зачислен\w*
        пришл[аои]
        пришел
        пришёл
        спасибо за (?:оплату|плат[её]ж)
        подтвержда\w* (?:получени|поступлени)\w*
        """,
    NOW=r"""
        теперь
        сейчас
        отныне
        """,
    OUTGOING=r"""
        (?:с|со) (?:сч[её]т|карт)\w* (?:моего|моей|нашего|нашей) \w+
        с (?:нашего|моего) (?:\w+ )?сч[её]та
        (?:мы )?(?:оплатим|переведем|перечислим|заплатим|отправим)\w* (?:\w+ ){0,3}?(?:с|со|из) (?:нашего|нашеи|другого|сч[её]та)
        (?:будем|будут) (?:\w+ ){0,2}?(?:платить|перечислять|оплачивать) (?:\w+ ){0,2}?(?:вам|в ваш адрес)
        банк\w* (?:отправител|плательщик)\w*
        (?:с вашей стороны|вам) (?:\w+ ){0,2}?ничего (?:\w+ ){0,2}?(?:менять|изменять|делать)
        """,
    PORTAL=r"""
        личн\w* кабинет\w*
        портал\w*
        логин\w*
        парол\w*
        """,
    BANK=r"""
        банк\w*
        """,
    PERSON=r"""
        юрист\w*
        консультант\w*
        коллег\w*
        экспедитор\w*
        агент\w*
        менеджер\w*
        сотрудник\w*
        представител\w*
        поставщик\w*
        клиент\w*
        партн[её]р\w*
        офис\w*
        склад\w*
        завод\w*
        отдел\w*
        помощни\w*
        """,
    LINK=r"""
        нашего
        нашей
        моего
        моей
        его
        ее
        их
        для
        от
        у
        """,
    EFFECTIVE=r"""
        с сегодняшнего дня
        с настоящего момента
        с момента получения
        впредь
        отныне
        с немедленным вступлением
        """,
    DESIGNATED=r"""
        назначил\w*
        """,
    COLLECT=r"""
        будет (?:получать|принимать|собирать) (?:\w+ ){0,3}?(?:наш|наша|наше)\w*
        будут (?:получать|принимать) (?:\w+ ){0,3}?(?:наш|наша)\w*
        (?:будет|будут) (?:получать|принимать) наш\w*
        """,
    PAYMETHOD=r"""
        union ?pay
        pay ?pal
        western ?union
        money ?gram
        payoneer
        transfer ?wise
        skrill
        alipay
        usdt
        bitcoin
        crypto\w*
        вестерн ?юнион
        пейпал
        крипт\w*
        """,
    DISREGARD=r"""
        не (?:учитыва|принима)\w*
        игнорир\w*
        """,
    ONLY=r"""
        только|исключительно
        """,
    LETTER=r"""
        (?:приложенн|прилагаем)\w* (?:письм|уведомлени|справк)\w*
        """,
    PAYER=r"""
        плательщик\w* (?:\w+ ){0,2}?(?:будет|друг|ин)\w*
        """,
    THIRD=r"""
        друг\w* (?:наш\w* )?(?:компани|фирм)\w*
        (?:сч[её]т|карт)\w* (?:моего|моей|нашего) (?:партн[её]р|компаньон|друг|брат|родственник)\w*
        (?:материнск|головн|холдингов|групп)\w* (?:компани|организаци|обществ)\w*
        компани\w* (?:групп|холдинг)\w*
        (?:наш|мо)\w* (?:\w+ )?(?:агент|представител|поверенн)\w*
        (?:коллекторск|платежн|логистическ)\w* (?:агент|партн[её]р|компани)\w*
        факторинг\w*
        цессионари\w*
        (?:компани|сч[её]т|карт)\w* (?:моего|нашего) (?:друга|знакомого)
        (?:сч[её]т|карт)\w* (?:нашего|моего) (?:директора|финдиректора|владельца|руководителя|генерального|бухгалтера|начальника)
        центр\w* (?:общего|совместного) обслуживания
        """,
    ASSIGN=r"""
        уступ\w*
        цесси\w*
        факторинг\w*
        переуступ\w*
        """,
    HOLDER=r"""
        на имя
        """,
    CONTRAST=r"""
        (?:а|и) не (?:на|в|по|через|наш\w*)
        вместо
        """,
    DEIXIS=r"""
        оттуда
        (?:этот|этому|на этот|следующий) (?:адрес|ящик|номер|e-?mail|имейл)
        (?:адрес|номер)\w* (?:ниже|из (?:моей )?подписи|в (?:моей )?подписи)
        (?:в|из) (?:моей )?подпис\w*
        сюда
        """,
    STORY=r"""
        комплаенс\w*
        неправильн\w*
        неверн\w*
        ошибк\w*
        опечатк\w*
        верн(?:ул|ули|улся|улись)\w*
        возвращ\w*
        закрыти\w* года
        """,
    DIRECT=r"""
        напрямую
        """,
    NOTUS=r"""
        не (?:нам|мне),? а(?! (?:вам|вы|тебе)(?!\w))
        """,
    CORRECT=r"""
        правильн\w* (?:сч[её]т|реквизит|номер|iban)\w*
        верн\w* (?:сч[её]т|реквизит|номер)\w*
        """,
    OWNED=r"""
        (?:сч[её]т|карт)\w* (?:моего|моей|нашего|нашей) (?!компании|фирмы|организации|предприятия|банка|клиента|заказа)\w+
        """,
    AMEND=r"""
        изменени\w* (?:\w+ ){0,2}?аккредитив\w*
        аккредитив\w* (?:\w+ ){0,2}?изменени\w*
        """,
)

# -- Arabic ---------------------------------------------------------------------------

_AR = _lexicon(
    PAY=r"""
        {P}(?:بيانات|تفاصيل|معلومات)\w* {P}(?:بنكيه|مصرفيه|حساب)\w*
        {P}(?:بيانات|تفاصيل|معلومات) {P}(?:ايداع|إيداع|دفع|سداد|تحويل)\w*
        {P}حساب\w*
        {P}(?:ا|إ|أ|آ)?يبان\w*
        iban
        swift
        {P}سويفت
        {P}بنك\w*
        {P}مصرف\w*
        {P}مستفيد\w*
        {P}(?:تعليمات|بيانات|تفاصيل|معلومات) {P}(?:الدفع|التحويل|السداد)
        """,
    EXCLUDE=r"""
        (?:{P}خدمات|{P}تطبيق\w*|{P}بنك) (?:\w+ ){0,1}?{P}مصرفي\w*
        اسم {P}(?:بنك|مصرف)\w*
        {P}(?:بيانات|تفاصيل|معلومات|حساب|بنك|مصرف)\w*(?:كم|ك)(?: {P}(?:بنكي|مصرفي)\w*)?
        {P}حسابه
        {P}حسابها
        {P}حسابهم
        (?:مدير|مسؤول|مسئول|قسم|إداره|اداره|موظف|مديره) {P}حساب\w*
        {P}حسابات (?:{P}العملاء|{P}الدائنين|{P}المدينين)
        كشف {P}حساب\w*
        على حساب
        {P}حسابك\w*
        {P}حسابكم
        {P}حسابكما
        {P}حساب (?:{P}(?:التكلفه|الكميه|السعر|الشحن|الوزن))
        (?:رسوم|عمولات|عموله|عطله|عطلات) {P}(?:بنك|مصرف)\w*
        """,
    CONTACT=r"""
        {P}(?:هاتف|تلفون) {P}ارضي\w*
        {P}نطاق\w*
        {P}(?:اسم|أسم) {P}مستعار\w*
        (?:g|hot|ya|proton|fast)mail
        gmx
        outlook
        yahoo
        icloud
        yandex
        mail\.ru
        {P}بريد\w*(?: {P}(?:الكتروني|إلكتروني|ألكتروني)\w*)?
        {P}(?:ايميل|إيميل|ايميلات|إيميلات)\w*
        {P}(?:e-?mail|email)
        {P}هاتف\w*
        {P}جوال\w*
        {P}موبايل\w*
        {P}محمول\w*
        {P}(?:واتساب|واتس اب|واتس آب|whatsapp)\w*
        {P}(?:وي ?تشات|wechat)
        {P}رقم\w*
        {P}أرقام\w*
        {P}تلفون\w*
        {P}تليفون\w*
        {P}صندوق {P}(?:بريد|الوارد)\w*
        {P}(?:وسائل|بيانات|معلومات|طرق) {P}(?:التواصل|الاتصال)
        """,
    EXCLUDE_CONTACT=r"""
        نظام {P}(?:هاتف|اتصالات)\w*
        {P}(?:ارقام|رقم|خطوط|تحويلات) {P}داخلي\w*
        في (?:جميع|كل|كافه) {P}(?:رسائل|مراسلات|ايميلات|رساله)\w*
        {P}رسال\w* {P}سابق\w*
        {P}(?:رقم|الرقم) {P}ضريبي\w*
        {P}نظام {P}(?:هاتف|هاتفي|اتصالات)\w*
        {P}رقم\w* \d+\w*
        {P}رقم\w* {P}(?:حساب|طلب|فاتور|شحن|حاوي|تتبع|مرجع|طلبي|موديل|صنف|ايبان|آيبان|أيبان|إيبان|سويفت|عقد|دفع|تحويل|بوليص|امر|أمر|منتج|قطع|وحد)\w*
        """,
    ADDRESS=r"""
        {P}عنوان\w*
        """,
    NEW=r"""
        {P}(?:مخصص|خصص|خصصت|مستقل|منفصل)\w*
        {P}ثاني\w*
        {P}جديد\w*
        {P}جدد
        {P}مختلف\w*
        {P}آخر
        {P}أخرى
        {P}بديل\w*
        {P}محدث\w*
        {P}معدل\w*
        {P}مؤقت\w*
        {P}شخصي\w*
        {P}خاص\w*
        {P}احتياطي\w*
        {P}صحيح\w*
        """,
    CHANGE=r"""
        [وف]?(?:فتحنا|افتتحنا)
        {P}تغيير\w*
        {P}تغير\w*
        [وف]?(?:غيرنا|غيرت|غيروا|سنغير|نغير|يغير|يتغير|تتغير|ستتغير|سيتغير|تغيرت|تغير)\w*
        {P}تحديث\w*
        [وف]?(?:حدثنا|حدثت|نحدث|سنحدث)
        {P}تعديل\w*
        [وف]?(?:عدلنا|عدلت|نعدل)
        {P}استبدال\w*
        [وف]?(?:استبدلنا|استبدلت)
        [وف]?(?:نقلنا|انتقلنا|انتقل|انتقلت)\w*
        {P}انتقال\w*
        {P}تبديل\w*
        [وف]?(?:بدلنا|بدلت)
        {P}تصحيح\w*
        {P}تحويل {P}حساب\w*
        """,
    OLD=r"""
        {P}(?:مسجل|محفوظ)\w* (?:لديكم|عندكم)
        {P}قديم\w*
        {P}سابق\w*
        {P}حالي\w*
        {P}معتاد\w*
        """,
    STOP=r"""
        {P}(?:اتقفل|انقفل|اتحظر|انحظر|اتسكر|اتهكر)\w*
        لا (?:يستقبل|تستقبل|يقبل|تقبل)\w*
        {P}(?:مغلق|إغلاق|اغلاق|أغلق|مقفل|مجمد|تجميد|موقوف|إيقاف|ايقاف|معطل|تعطيل|ملغي|ملغى|إلغاء|الغاء|متوقف)\w*
        غير (?:صالح|فعال|نشط|مفعل|مستخدم|متاح|ساري)\w*
        لم (?:يعد|تعد)\w*
        لن (?:يكون|تكون) \w+
        لا (?:\w+ )?(?:تستخدم|تستخدموا|تحول|تحولوا|تدفع|تدفعوا|ترسل|ترسلوا|تودع|تودعوا|تكتب|تكتبوا|تراسل|تراسلوا|ترد|تردوا)\w*
        يرجى عدم
        الرجاء عدم
        عدم (?:استخدام|التحويل|الدفع|الإرسال|الارسال|الايداع|الإيداع|المراسله|الرد)\w*
        توقف\w*
        """,
    PAYDIR=r"""
        {P}حوال\w*
        {P}(?:استرداد|استرجاع|تعويض)\w*
        {P}(?:استخدم|استخدام|استعمال)\w*
        {P}(?:تحويل|حولوا|حول|تحول|يحول|ادفع|ادفعوا|دفع|سداد|سددوا|تسديد|ايداع|إيداع|اودع|أودع|أودعوا|اودعوا|إرسال|ارسال|ارسلوا|أرسلوا|تحويلات)\w*
        {P}(?:المبلغ|الدفعه|الدفعات|المدفوعات|الاموال|الأموال|المستحقات)\w*
        """,
    CONTDIR=r"""
        {P}(?:حفظ|احفظ|احفظوا)\w*
        {P}(?:ابعت|بعت|ابعث|ابعثوا)\w*
        {P}(?:رد|الرد|ردوا|يرد|ارسل|إرسال|ارسال|راسل|مراسل|مراسله|المراسله|تواصل|التواصل|تواصلوا|اتصل|الاتصال|اتصلوا|اكتب|الكتابه|استخدم|استخدام|اضف|إضافه|اضافه|راسلونا|راسلني|كاتبني|مراسلتي|مراسلتنا)\w*
        """,
    REPLY=r"""
        {P}(?:رد|ردوا|راسل|مراسل|مراسله|اكتب|الكتابه|راسلونا|راسلني|كاتبني|مراسلتي|مراسلتنا)\w*
        """,
    SHIFT=r"""
        {P}(?:جاي|جايه)\w*
        (?:جميع|كافه|كل) {P}(?:مراسلات|رسائل|اتصالات|ردود)
        أصبح\w*
        اصبح\w*
        من (?:الآن|الان)(?: فصاعدا| وصاعدا)?
        فصاعدا
        اعتبارا من
        ابتداء من
        بدءا من
        من اليوم
        منذ اليوم
        بدلا من
        بدلا
        عوضا عن
        مستقبلا
        في المستقبل
        {P}(?:قادمه|مستقبليه|لاحقه|تاليه)
        مؤقتا
        بشكل مؤقت
        حتى (?:إشعار|اشعار) (?:آخر|اخر)
        لم (?:يعد|تعد)
        حصرا
        (?:هذا|الجديد|التالي|المذكور|ادناه|أدناه)\w* فقط
        فقط (?:إلى|الى|على|في|ل|عبر) \w+
        هذه المره
        لهذه (?:الدفعه|الفاتوره|المره|الطلبيه)
        حاليا
        في الوقت الحالي
        """,
    RECORDS=r"""
        {P}دفتر {P}عناوين\w*
        {P}تسجيل\w*
        {P}(?:سجلاتكم|سجلكم|نظامكم|أنظمتكم|انظمتكم|ملفاتكم|ملفكم|بياناتكم|قاعده بياناتكم|دفاتركم)
        """,
    CAUSE=r"""
        {P}(?:شريك|الشريك|شركتنا الشريكه|الشريكه)\w*
        (?:إعاده|اعاده) {P}هيكله
        {P}(?:تدقيق|ضريب|ضرائب|تجميد|مجمد|حظر|محظور|قيود|تقييد|مقيد|تحقيق|تحقيقات|صيانه|رقابه)\w*
        (?:تحت|قيد) {P}(?:مراجعه|تدقيق|تحقيق|صيانه|تجميد|فحص)\w*
        {P}شركه {P}(?:تابعه|شقيقه|فرعيه|أم|ام|زميله|منتسبه)
        {P}(?:تابعه|شقيقه|فرعيه)
        {P}(?:مشكله|مشاكل|مشكلات)\w*
        (?:لأسباب|لاسباب|أسباب|اسباب) \w+
        """,
    CONTACT_CAUSE=r"""
        {P}مراقب\w*
        غير (?:آمن|امن)\w*
        {P}(?:ترتد|سترتد|يرتد|سيرتد)\w*
        {P}(?:قافل|قفل|حاجب|يحجب|يمنع|حظر)\w*
        {P}عاطل\w*
        (?:مش|مو|ما|غير) (?:شغال|بيشتغل|يشتغل|يعمل)\w*
        لا (?:أستطيع|استطيع|يمكنني) (?:الوصول|الدخول|فتح)
        {P}(?:اختراق|مخترق|قرصن|مقرصن|تهكير|معطل|عطل|توقف|متوقف|ممتلئ|مشكله|مشاكل|مشكلات|خلل|صيانه|مفقود|فقدت|فقدان|ضاع|سرق|مسروق|محظور|محجوب|موقوف)\w*
        لا (?:يعمل|تعمل)
        """,
    NEG=r"""
        {P}لم
        {P}لن
        لا
        لم
        لن
        ليس\w*
        غير
        بدون
        دون
        عدم
        ابدا
        أبدا
        مطلقا
        """,
    NEW_WINDOW="2 3",
    NEG_WINDOW="2 1",
    ASSURE=r"""
        ما (?:\w+ )?(?:تغير|تتغير|يتغير|اتغير|تبدل|اتبدل)\w*
        {P}مسجل\w* (?:لدينا|عندنا)
        لا (?:يحتاج|تحتاج|داعي) (?:\w+ ){0,2}?(?:تعديل|تغيير)\w*
        {P}(?:نفس|ذات)
        (?:دون|بدون|بلا|لا) (?:أي |اي )?(?:تغيير|تعديل)\w*
        لم (?:\w+ )?(?:تتغير|يتغير|يطرأ|تطرأ)\w*
        كما (?:هي|هو|كانت|كان|في|ورد|ذكر|المعتاد|العاده|سابقا|دائما|مبين|موضح)\w*
        كالمعتاد
        كالعاده
        {P}معتاد\w*
        ثابت\w*
        سار\w* المفعول
        (?:لا|ما) (?:يزال|تزال|زال|زالت)\w*
        مازال\w*
        (?:يظل|تظل|تبقى|يبقى|باقيه|باق)
        {P}مذكور\w* في {P}(?:فاتوره|عقد|سابق)\w*
        """,
    WARN=r"""
        لا (?:تصدق|تصدقو|تصدقوا|تصدقونها|تصدقوها)\w*
        {P}(?:يدعي|تدعي|مزعوم|يزعم|بزعم|يزعمون|انتحل)\w*
        {P}(?:احتيال|محتال|نصب|نصاب|تصيد|مزيف|مزور|تزوير|انتحال|منتحل|مشبوه|مريب|خداع|مخادع|حذر|احذر|احذروا|تحذير|يقظ|جرائم|مجرم)\w*
        لن (?:\w+ )?(?:نطلب|نغير|نرسل|نطالب|نقوم)\w*
        أبدا
        ابدا
        """,
    HYPO=r"""
        في (?:توقيعك|توقيعكم)\w*
        (?:تلقينا|وصلنا|وصلتنا|استلمنا|وردنا|وردتنا) (?:\w+ ){0,2}?(?:رساله|بريد|طلب|إيميل|ايميل|اتصال)\w*
        (?:إذا|اذا|إن|ان|لو|في حال|وفي حال) (?:\w+ ){0,2}?(?:تلقيتم|تلقيت|وصلتكم|وصلك|وصلكم|استلمتم|استلمت|طلب|طلبت|طلبنا|ورد|وردت|وردتكم)\w*
        (?:أي|اي) (?:رساله|بريد|طلب|إيميل|ايميل|اتصال|مراسله)\w*
        """,
    RECEIVED=r"""
        {P}(?:استلمنا|تسلمنا|تلقينا|وصلت|وصل|وصلنا|وصلتنا|ورود|دخل|أضيف|اضيف)\w*
        (?<!حساب\x20)(?<!كحساب\x20){P}استلام\w*
        شكرا (?:لكم )?(?:على|ل) {P}(?:دفع|تحويل|سداد)\w*
        """,
    NOW=r"""
        (?<!حتى\x20)(?<!لحد\x20)(?<!الى\x20)(?<!إلى\x20)(?<!لغايه\x20){P}آن
        حاليا
        أصبح\w*
        اصبح\w*
        صار\w*
        """,
    OUTGOING=r"""
        من حساب \w+نا
        من حساب(?:نا|ي)\w*
        (?:سندفع|سنحول|سنسدد|سنرسل|سنقوم بالدفع|سنقوم بالتحويل) (?:\w+ ){0,3}?من
        (?:سنقوم|سوف نقوم|سن) (?:\w+ ){0,2}?{P}(?:دفع|تحويل|سداد)\w* (?:\w+ ){0,1}?لكم
        {P}بنك\w* {P}(?:مرسل|دافع|محول)\w*
        لا حاجه (?:\w+ ){0,3}?(?:تغيير|تعديل)\w*
        """,
    PORTAL=r"""
        {P}بوابه\w*
        {P}(?:كلمه|كلمات) {P}(?:مرور|سر)
        {P}اسم {P}مستخدم
        بيانات {P}دخول
        تسجيل {P}دخول
        """,
    BANK=r"""
        {P}بنك\w*
        {P}مصرف\w*
        """,
    PERSON=r"""
        {P}(?:زميل|وكيل|مدير|موظف|مساعد|مندوب|ممثل|مورد|عميل|شريك|مكتب|مستودع|مخزن|مصنع|قسم|مسؤول|مسئول)\w*
        """,
    EFFECTIVE=r"""
        بأثر فوري
        اعتبارا من (?:اليوم|الآن|تاريخه)
        من الآن فصاعدا
        ابتداء من اليوم
        """,
    DESIGNATED=r"""
        {P}(?:خصصت|خصص)\w*
        """,
    COLLECT=r"""
        {P}(?:ستتولى|سيتولى) (?:\w+ ){0,9}?{P}(?:استلام|تحصيل)\w*
        {P}(?:ستستلم|سيستلم|ستحصل|سيحصل|ستقوم بتحصيل|سيقوم بتحصيل)\w*
        """,
    PAYMETHOD=r"""
        pay ?pal
        western ?union
        money ?gram
        payoneer
        transfer ?wise
        skrill
        alipay
        usdt
        bitcoin
        crypto\w*
        {P}(?:ويسترن|وسترن) {P}يونيون
        {P}باي ?بال
        """,
    DISREGARD=r"""
        {P}تجاهل\w*
        {P}عدم {P}(?:الاعتداد|الاعتماد|الأخذ)\w*
        """,
    ONLY=r"""
        فقط|حصرا|حصريا
        """,
    LETTER=r"""
        {P}(?:خطاب|رساله|شهاده) {P}(?:بنك|مصرف)\w* {P}مرفق\w*|{P}(?:خطاب|رساله) {P}مرفق\w*
        """,
    PAYER=r"""
        {P}(?:اسم|أسم) (?:\w+ )?{P}(?:محول|دافع|مرسل)\w*
        للمحول
        للدافع
        """,
    THIRD=r"""
        {P}شركتنا {P}اخري
        (?:عبر|من خلال|بواسطه) {P}(?:شريك|وسيط|وكيل)\w*
        {P}(?:حساب|بطاقه) {P}(?:شريك|شريكي|صديقي|اخي|أخي)\w*
        {P}شرك(?:ه|ت\w*) {P}(?:ام|أم|قابضه|شقيقه|المجموعه|تحصيل|تخصيم)\w*
        {P}(?:وكيل|وكيلنا|وكلائنا|مندوب|مندوبنا)\w*
        {P}(?:شريكنا|شريك)\w* {P}(?:اللوجستي|المالي|المحلي)\w*
        {P}(?:حساب|بطاقه) {P}(?:صديق|المدير|مديرنا|المالك|صاحب)\w*
        {P}(?:حساب|بطاقه) \w+ {P}(?:صديق|المدير|مديرنا|المالك|صاحب)\w*
        {P}مركز {P}خدمات {P}مشترك\w*
        """,
    ASSIGN=r"""
        {P}(?:حواله|احاله|إحاله|تنازل|التنازل) (?:\w+ ){0,2}?{P}(?:مستحقات|ذمم|حقوق|فواتير)\w*
        {P}تخصيم\w*
        {P}(?:فاكتورينغ|فكتورنغ)\w*
        """,
    HOLDER=r"""
        باسم
        """,
    CONTRAST=r"""
        {P}ليس (?:الى|إلى|على|ل|في)
        {P}(?:مش|وليس|مو) \w+
        بدلا من
        بدل
        عوضا عن
        """,
    DEIXIS=r"""
        (?:هذا|هذه) {P}(?:عنوان|ايميل|إيميل|بريد|رقم)\w*
        {P}(?:عنوان|ايميل|إيميل|بريد|رقم)\w* (?:ده|دا|هذا|هذه|التالي|ادناه|أدناه)
        {P}(?:عنوان|ايميل|إيميل|بريد)\w* {P}مذكور\w* في {P}توقيع\w*
        {P}توقيع\w*
        هنا
        """,
    STORY=r"""
        {P}امتثال\w*
        {P}(?:غلط|خاطئ|خاطئه)\w*
        {P}(?:خطا|خطأ|اخطاء|أخطاء)\w*
        {P}(?:ارتداد|مرتجع|مرفوض)\w*
        """,
    DIRECT=r"""
        مباشره
        """,
    NOTUS=r"""
        (?:مش|ليس|وليس|لا) (?:لنا|لي|الينا|إلينا|علينا)،? (?:بل|لكن|ولكن)
        """,
    CORRECT=r"""
        {P}صحيح\w* (?:هو|هي)
        {P}(?:رقم|حساب|ايبان|آيبان)\w* {P}صحيح\w*
        """,
    OWNED=r"""
        {P}حساب (?!شركت|مؤسست|بنك|عميل)\w+نا
        """,
    AMEND=r"""
        {P}تعديل\w* (?:\w+ ){0,2}?{P}اعتماد\w*
        {P}اعتماد\w* (?:\w+ ){0,2}?{P}تعديل\w*
        """,
)

# -- Turkish --------------------------------------------------------------------------

_TR = _lexicon(
    PAY=r"""
        (?:odeme|banka|havale) (?:bilgi|detay)\w*
        (?:odeme|havale) talimat\w*
        alici (?:firma|sirket|hesap|banka|unvan|ad)\w*
        hesab\w*
        hesap\w*
        iban\w*
        swift\w*
        banka\w*
        lehtar\w*
        (?:odeme|havale|transfer) bilgi\w*
        """,
    EXCLUDE=r"""
        (?:internet|mobil) (?:bankac[ıi]l[ıi][ğg]|[şs]ube)\w*
        banka(?:mizin|nin)? ad\w*
        banka (?:bilgi|hesap|hesab)\w*(?:iniz|niz)\w*
        (?:iban|hesap|hesab)\w*(?:iniz|niz)\w*
        hesap (?:yonetici|sorumlu|temsilci|ekstre|ozet|dokum)\w*
        (?:musteri|kullanici|uye) hesab\w*
        hesapla\w*
        hesaplan\w*
        hesabiniz\w*
        hesaba (?:kat|al)\w*
        banka (?:masraf|ucret|komisyon|tatil|dekont)\w*
        """,
    CONTACT=r"""
        sabit hat\w*
        alan ad\w*
        domain\w*
        takma ad\w*
        (?:g|hot|ya|proton|fast)mail
        gmx
        outlook
        yahoo
        icloud
        yandex
        mail\.ru
        e-?posta\w*
        eposta\w*
        e-?mail\w*
        mail\w*
        posta adres\w*
        telefon\w*
        cep(?: telefon\w*| numara\w*)?
        gsm
        numara\w*
        whats ?app\w*
        wechat\w*
        telegram\w*
        skype\w*
        iletisim (?:bilgi|numara|adres)\w*
        """,
    EXCLUDE_CONTACT=r"""
        dahili (?:numara|hat|telefon)\w*
        santral\w*
        telefon sistem\w*
        (?:tum |butun )?(?:e-?posta|mail)\w*(?:larda|lerde|ta|te|da|de)
        onceki (?:e-?posta|mail)\w*
        vergi (?:no|numara|kimlik)\w*
        (?:telefon|santral) sistem\w*
        numaraland\w*
        numaralama\w*
        (?:siparis|fatura|hesap|seri|konteyner|takip|model|urun|parti|referans|musteri|sozlesme|iban|vergi|kargo|proforma|po|konsimento)\s+(?:no|numara)\w*
        """,
    ADDRESS=r"""
        adres\w*
        """,
    NEW=r"""
        ayri
        tahsis edilen
        ikinci\w*
        guncel(?!le)\w*
        yeni\w*
        farkli\w*
        baska\w*
        diger\w*
        alternatif\w*
        guncellenmis\w*
        degistirilmis\w*
        gecici\w*
        kisisel\w*
        ozel\w*
        yedek\w*
        """,
    CHANGE=r"""
        actik
        acildi
        acilmis\w*
        degis(?!me|miy|mez|mem|mey)\w*
        degisiklik\w*
        guncelle\w*
        yenile\w*
        (?:tasidik|tasindik|tasindi|tasiyoruz|tasimis)\w*
        duzelt\w*
        revize\w*
        tadil\w*
        """,
    OLD=r"""
        (?:sizde|kayitli|kayitlarinizdaki) (?:\w+ ){0,2}?(?:olan|bilgi)\w*
        eski\w*
        onceki\w*
        mevcut\w*
        simdiki\w*
        """,
    STOP=r"""
        kabul etmiyor\w*
        alamiyor\w*
        guncel degil\w*
        artik (?:\w+ )?(?:kullan|gecerli|aktif)\w*
        \w+(?:mamaniz|memeniz)\w*
        kapat\w*
        kapan\w*
        kapali
        bloke\w*
        dondurul\w*
        askiya alin\w*
        iptal\w*
        pasif\w*
        gecersiz\w*
        kullanim disi
        (?<!kusura\x20)\w+(?:mayin|meyin|mayiniz|meyiniz)
        """,
    PAYDIR=r"""
        iade\w*
        kullan\w*
        ode\w*
        havale\w*
        eft\w*
        transfer\w*
        gonder\w*
        yatir\w*
        aktar\w*
        tahsil\w*
        """,
    CONTDIR=r"""
        kaydet\w*
        atar (?:misin|misiniz)
        atin
        atabilir\w*
        yanitla\w*
        cevap\w*
        yaz\w*
        gonder\w*
        ilet\w*
        ulas\w*
        iletisime gec\w*
        (?:arayin|arayiniz|arayabilir)\w*
        kullan\w*
        ekle\w*
        """,
    REPLY=r"""
        yanitla\w*
        cevap\w*
        yaz\w*
        yazisma\w*
        """,
    SHIFT=r"""
        (?:tum|butun) (?:yazisma|iletisim|e-?posta|mail|cevap)\w*
        bundan (?:boyle|sonra)
        bundan sonraki
        artik
        itibaren
        itibariyle
        gelecek (?:odeme|siparis|fatura)\w*
        sonraki (?:odeme|siparis|fatura|havale)\w*
        ileride
        gecici(?: olarak)?
        (?:yeni bir duyuruya|aksi bildirilene|ikinci bir duyuruya) kadar
        yerine
        (?:sadece|yalnizca) (?:\w+ )?(?:bu|asagidaki|yeni|belirtilen|su)
        bu (?:sefer|seferlik|kez|defalik)
        bu (?:odeme|fatura|siparis) icin
        su an(?:da)?
        simdilik
        halihazirda
        bugunden (?:itibaren|sonra)
        """,
    RECORDS=r"""
        adres defter\w*
        kaydedin\w*
        kaydedi\w*
        tanimla\w*
        (?:kayit|kayitlar|sistem|veritaban)\w*(?:inizda|inizde|inize|iniz|nizda|nizde|nize)\w*
        cari kart\w*
        tedarikci kart\w*
        """,
    CAUSE=r"""
        ortak (?:firma|sirket)\w*
        is ortag\w*
        yeniden yapilan\w*
        denetim\w*
        denetle\w*
        teftis\w*
        vergi(?! no| numara| dairesi| kimlik)\w*
        maliye\w*
        dondurul\w*
        bloke\w*
        kisitla\w*
        askiya\w*
        inceleme\w*
        incelen\w*
        sorusturma\w*
        yan kurulus\w*
        istirak\w*
        bagli (?:sirket|kurulus|ortaklik)\w*
        kardes sirket\w*
        ana sirket\w*
        grup sirket\w*
        sorun\w*
        problem\w*
        bakim\w*
        doviz (?:kisitlama|kontrol)\w*
        """,
    CONTACT_CAUSE=r"""
        izleniyor\w*
        guvenli degil\w*
        geri don\w*
        engell\w*
        erisemi\w*
        erisim\w* yok
        acilmiyor\w*
        sorunlu
        hack\w*
        ele gecir\w*
        (?:calismiyor|calismaz|calismamakta)\w*
        erisil\w*
        erisim (?:sorun|problem)\w*
        sorun\w*
        problem\w*
        ariza\w*
        dolu
        kota\w*
        bakim\w*
        kayb\w*
        kaybol\w*
        calin\w*
        engellen\w*
        bloke\w*
        """,
    NEG=r"""
        degil\w*
        yok\w*
        hic\w*
        asla
        \w+(?:medi|madi|mez|maz|meyecek|mayacak|memis|mamis|miyor|memekte|mamakta)\w*
        olmadan
        """,
    NEG_WINDOW="2 2",
    ASSURE=r"""
        (?:zaten )?kay[ıi]tl[ıi] ol\w*
        de[ğg]i[şs]tirmeye gerek yok
        ayni\w*
        aynen
        degisiklik (?:yok|olmamis|bulunmamakta|olmayacak)\w*
        (?:halen|hala|hale) gecerli\w*
        gecerliligini\w*
        kalmaktadir
        kaliyor
        kalacak\w*
        devam ed\w*
        her zamanki gibi
        \w+(?:daki|deki|taki|teki) gibi
        bilinen\w*
        oldugu gibi
        """,
    WARN=r"""
        g[üu]ya
        s[öo]zde
        iddia\w*
        dolandiric\w*
        sahte\w*
        oltalama
        phishing
        kimlik avi
        taklit\w*
        supheli\w*
        dikkatli olun\w*
        uyari\w*
        asla
        hicbir zaman
        telefonla (?:\w+ )?(?:teyit|dogrula)\w*
        """,
    HYPO=r"""
        imzan[ıi]zda(?:ki)?
        ger[çc]ekten (?:size|sizin|senin|sana)\w*
        (?:e-?posta|mail|mesaj|talep)\w* (?:\w+ ){0,2}?(?:aldik|aldim|geldi|ulasti)\w*
        eger\w*
        sayet\w*
        \w+(?:rsaniz|rseniz|rsa|rse)
        herhangi bir (?:e-?posta|mail|mesaj|talep|istek|arama|bildirim)\w*
        \w+ durumunda
        """,
    RECEIVED=r"""
        alindi\w*
        aldik
        tahsil edil\w*
        ulasti\w*
        yatti
        yatmis\w*
        hesabimiza gec\w*
        geldi
        (?:odemeniz|odeme) icin tesekkur\w*
        """,
    NOW=r"""
        artik
        su an(?:da)?
        bundan boyle
        """,
    OUTGOING=r"""
        hesab(?:imiz|im)dan
        hesab\w*(?:dan|den) (?:\w+ ){0,2}?(?:odeme|odeyecegiz|gonderecegiz|yapacagiz|yatiracagiz)\w*
        size (?:\w+ ){0,2}?odeme\w* (?:\w+ ){0,4}?(?:uzerinden|yerine)
        gonderen banka\w*
        (?:sizin|sizden) (?:\w+ ){0,2}?(?:degisiklik|bir sey) (?:\w+ )?(?:gerekmiyor|gerekmez|yok)
        """,
    PORTAL=r"""
        giris yap\w*
        oturum ac\w*
        portal\w*
        sifre\w*
        kullanici adi\w*
        giris bilgi\w*
        """,
    BANK=r"""
        banka\w*
        """,
    PERSON=r"""
        meslektas\w*
        nakliyeci\w*
        acente\w*
        temsilci\w*
        mudur\w*
        calisan\w*
        asistan\w*
        tedarikci\w*
        musteri\w*
        ortag\w*
        ofis\w*
        depo\w*
        fabrika\w*
        departman\w*
        sorumlu\w*
        """,
    EFFECTIVE=r"""
        derhal
        bugunden itibaren
        bundan boyle
        hemen gecerli\w*
        """,
    DESIGNATED=r"""
        belirledi\w*
        """,
    COLLECT=r"""
        tahsil edecek\w*
        tahsil edilecek\w*
        tahsil edecektir
        """,
    PAYMETHOD=r"""
        pay ?pal
        western ?union
        money ?gram
        payoneer
        transfer ?wise
        skrill
        alipay
        usdt
        bitcoin
        crypto\w*
        kripto\w*
        """,
    DISREGARD=r"""
        dikkate alma\w*
        yok say\w*
        gozardi\w*
        """,
    ONLY=r"""
        sadece|yalnizca|yalniz
        """,
    LETTER=r"""
        (?:ekteki|ekli) (?:banka )?(?:yazi|mektup|bildirim)\w*
        """,
    PAYER=r"""
        gonderen (?:ad|isim|unvan)\w*
        odeyen (?:\w+ ){0,2}?(?:farkli|baska)\w*
        """,
    THIRD=r"""
        di[ğg]er (?:[şs]irket|firma)\w*
        (?:ortag|ortagim|arkadasim|kardesim)\w* hesab\w*
        (?:ana|grup|kardes|holding) sirket\w*
        (?:acente|acentemiz|vekil|vekilimiz)\w*
        (?:lojistik|is|finans|odeme) ortag\w*
        faktoring\w*
        (?:arkadas|dost)\w* (?:firma|sirket|hesab)\w*
        (?:patron|mudur|sahib|genel mudur|yonetici)\w* (?:sahsi |kisisel |ozel )?(?:hesab|kart)\w*
        ortak hizmet merkez\w*
        """,
    ASSIGN=r"""
        temlik\w*
        devr(?:ettik|ettigimizi|edilmis|edilmistir|edildi)\w*
        alacak\w* (?:\w+ ){0,3}?(?:devr|temlik|sat)\w*
        """,
    HOLDER=r"""
        adina
        """,
    CONTRAST=r"""
        \w+ (?:degil|değil)
        yerine
        """,
    DEIXIS=r"""
        (?:bu|su|asagidaki) (?:adres|e-?posta|mail|numara)\w*
        imzam\w*
        sura\w*
        buraya
        """,
    STORY=r"""
        uyum incelemesi\w*
        yanlis\w*
        hatali\w*
        hata\w*
        iade (?:edildi|oldu|geldi)\w*
        geri (?:dondu|geldi)\w*
        """,
    DIRECT=r"""
        do[ğg]rudan
        direkt
        """,
    NOTUS=r"""
        (?:bize|bana) de[ğg]il,? (?:do[ğg]rudan|direkt|ama|fakat)
        """,
    CORRECT=r"""
        do[ğg]rusu
        do[ğg]ru (?:iban|hesap|numara)\w*
        """,
    OWNED=r"""
        (?:ortağ|ortag|eşim|esim|kardeşim|kardesim|ortak)\w* (?:\w+ )?(?:hesab|kart)\w*
        """,
    AMEND=r"""
        akreditif\w* (?:\w+ ){0,2}?(?:de[ğg]i[şs]iklik|tadil)\w*
        (?:de[ğg]i[şs]iklik|tadil)\w* (?:\w+ ){0,2}?akreditif\w*
        """,
)

# -- Chinese --------------------------------------------------------------------------

_ZH = _lexicon(
    PAY=r"""
        银行(?:信息|资料|账户信息|账号信息)
        收款(?:信息|账户|资料)
        账户信息
        户头
        戶頭
        个人卡
        (?:付款|汇款|收款)(?:指引|指示|说明)
        银行卡
        新卡
        账户
        帐户
        賬戶
        帳戶
        账号
        帐号
        帳號
        户口
        戶口
        银行
        銀行
        收款
        受益人
        开户
        開戶
        iban
        swift
        汇款(?:信息|资料|路径|路线|指示)
        付款(?:信息|资料|路径)
        卡号
        """,
    EXCLUDE=r"""
        网银
        网上银行
        手机银行
        银行(?:app|应用)
        (?:提供|发来|发一下|发给我们)(?:一下)?(?:贵司|你们|您|你方)?(?:的)?(?:最新的?)?(?:银行|收款)(?:资信)?(?:证明|信息|资料|账户|账号)
        银行资信(?:证明)?
        银行(?:的)?(?:名称|名字)
        (?:贵司|贵公司|您|你们|你方|贵方)的?(?:银行|收款)?(?:账户|帐户|账号|帐号|银行|收款信息)
        (?:微信|登录|登陆|用户|会员|平台|阿里巴巴|网店|店铺|邮箱|qq|游戏)(?:账号|帐号|账户|帐户)
        (?:账号|帐号)密码
        客户经理
        大客户
        对账单
        银行(?:手续费|费用|流水|水单|回单|假期|休息|放假)
        """,
    CONTACT=r"""
        座机
        固话
        直线电话
        域名
        后缀
        别名
        gmail
        hotmail
        outlook
        yahoo
        qq邮箱
        163邮箱
        126邮箱
        邮箱
        郵箱
        邮件地址
        电子邮件
        電子郵件
        电邮
        e-?mail
        邮件
        电话
        電話
        手机
        手機
        号码
        號碼
        微信
        whatsapp
        wechat
        联系方式
        聯繫方式
        qq
        skype
        """,
    EXCLUDE_CONTACT=r"""
        分机(?:号|号码)?
        电话系统
        总机
        (?:所有|每封)邮件(?:中|里)
        邮件(?:中|里)(?:注明|写明|标明)
        (?:上|前|这|那)一?封(?:邮件|电邮)
        电话系统
        总机
        税号
        纳税人识别号
        邮件签名
        签名
        (?:订单|合同|发票|提单|柜|集装箱|型|批|追踪|物流|快递|账|帐|卡|税|参考|货)号码
        手机(?:壳|膜|配件|支架|套|屏)
        """,
    ADDRESS=r"""
        地址
        """,
    NEW=r"""
        专用的?
        单独的?
        第二个
        (?<!更)(?<!革)(?<!创)(?<!重)新
        另一个
        另外一个
        另外的
        其他
        其它
        别的
        不同的?
        备用
        临时
        私人
        个人
        最新
        更新后的?
        正确的
        """,
    CHANGE=r"""
        已变
        变了
        开立
        新开
        开了
        换(?=(?:了)?(?:银行|账户|帐户|账号|帐号|卡|邮箱|号码|手机|电话|微信|联系方式))
        更换
        變更
        变更
        更改
        改变
        改為
        改为
        改成
        改用
        换成
        换为
        换了
        换到
        更新
        调整
        切换
        转移
        迁移
        替换
        修改
        启用
        变动
        改了
        """,
    OLD=r"""
        之前登记的|原来登记的|以前登记的|你们系统里的
        旧
        舊
        原来
        原有
        原先
        原账户
        原帐户
        原银行
        之前的
        以前的
        老(?:账户|帐户|账号|帐号|银行|邮箱|号码|号)
        现有的?
        目前的
        当前的
        """,
    STOP=r"""
        收不了
        无法收款
        不能收(?:款|汇)
        过期
        过时
        不再使用
        停用
        注销
        关闭
        冻结
        销户
        作废
        失效
        无效
        不再
        不能(?:再)?(?:使用|收款|用)
        无法(?:收款|使用|接收)
        暂停(?:使用)?
        (?:不要|请勿|勿|别)(?:再)?(?:往|向)?(?:付|汇|打|转|用|使用|发)
        停止(?:使用)?
        """,
    PAYDIR=r"""
        退款
        退回
        返还
        使用
        改用
        付款
        付到
        付至
        支付
        汇款
        汇到
        汇至
        汇入
        打款
        打到
        打入
        转账
        转帐
        转到
        转入
        转至
        存入
        电汇
        货款
        尾款
        定金
        订金
        余款
        款项
        """,
    CONTDIR=r"""
        存为
        保存为
        存成
        登记为
        回复
        回信
        回邮件
        发到
        发送到
        发至
        发给
        寄到
        联系
        联络
        致电
        打电话
        加(?:我|微信|whatsapp)
        写信
        发
        使用
        请用
        """,
    SHIFT=r"""
        (?:这个月|本月|下个月|下月|今天|明天|这次|这批|下批|下一批)开始
        只(?=回复|发|联系|用|打|汇|付)
        不是.{0,12}而是
        这次
        这一次
        所有(?:的)?(?:邮件|往来|通信|联系|回复)
        一切(?:邮件|往来)
        今后
        (?<![了之])以后
        此后
        往后
        从现在(?:起|开始)
        从今天(?:起|开始)
        (?:从|自)?即日起
        自今日起
        (?:本月|下月|下个月|明天|今天|\d+日|\d+号)起
        从下(?:一)?(?:批|单|次)
        从这(?:次|批|单)
        后续
        未来
        暂时
        临时
        改为
        改用
        改到
        改成
        改由
        只(?:能|接受|收|用)
        仅(?:能|接受|收|用)
        唯一
        不再
        而不是
        代替
        取代
        现在(?:用|使用|开始|起)
        现已
        现改为
        """,
    RECORDS=r"""
        登记
        备案
        录入
        (?:贵司|你们|您|贵公司)的?(?:系统|记录|档案|资料|供应商资料|数据库|通讯录)
        供应商(?:档案|资料|信息)
        """,
    CAUSE=r"""
        合作(?:伙伴|公司|方)
        重组
        改组
        审计
        风控
        被(?:银行)?(?:冻结|封|限制|风控|审查|监控|管控)
        年审
        税务
        税收
        稽查
        冻结
        被封
        封号
        受限
        监管
        外汇(?:管制|管理|额度|限制)
        调查
        子公司
        分公司
        关联公司
        母公司
        集团公司
        离岸
        兄弟公司
        出现(?:了)?(?:一些|点)?问题
        有(?:些|点)问题
        出了问题
        维护
        系统升级
        """,
    CONTACT_CAUSE=r"""
        被监控
        不安全
        退回
        退信
        屏蔽
        拦截
        被挡
        有(?:些|点)问题
        用不了
        没法用
        不能用
        打不开
        进垃圾箱
        垃圾邮件箱
        被盗
        被黑
        黑客
        入侵
        中毒
        无法(?:登录|登陆|使用|接收|收到|收发)
        不能(?:登录|登陆|使用|接收|收发)
        收不到
        登不上
        故障
        出现(?:了)?(?:一些|点)?问题
        出了问题
        满了
        已满
        维护
        升级
        停用
        丢失
        丢了
        坏了
        封了
        被封
        """,
    NEG=r"""
        不
        没
        未
        无
        勿
        别
        """,
    NEG_WINDOW="3 1",
    ASSURE=r"""
        (?:都|均|也)?(?:不用|无需|不需要|无须|不必)(?:修改|更改|变更|改|变)
        已(?:登记|备案|录入)的
        没问题
        (?:发|寄|付|汇|打|转)(?:到|至|回)原(?:来的?)?(?:邮箱|账户|帐户|账号|地址)
        没有问题
        无误
        不变
        没有变化
        没变
        未变
        保持不变
        照旧
        如常
        依旧
        仍然
        仍是
        还是
        一样
        相同
        (?:同|与|和|跟)(?:上次|之前|以前)
        如前
        一致
        不会(?:更改|变更|改变|变)
        没有(?:更改|变更|改变|变动|任何变化)
        未(?:更改|变更|改变|作任何变更)
        照常
        继续使用
        以(?:上次|之前|形式发票|pi|合同)(?:上)?的?为准
        (?:形式发票|pi|合同|发票)上的
        """,
    WARN=r"""
        声称
        自称
        据称
        号称
        假装
        诈骗
        欺诈
        骗子
        骗局
        钓鱼
        冒充
        假冒
        冒用
        仿冒
        警惕
        谨防
        小心
        提防
        防范
        可疑
        虚假
        (?:致电|电话)(?:核实|确认)
        核实
        绝不会
        从不会
        永远不会
        决不会
        不会通过邮件
        """,
    HYPO=r"""
        (?:您|你|贵司|你们)的?(?:邮件)?签名(?:里|中|上|处)
        (?:真的|确实)是(?:您|你|贵司)的
        收到(?:了)?(?:一封|一个|一條|一条|封)?.{0,6}?(?:邮件|信息|消息|电话|要求)
        如果
        若(?!干)
        一旦
        假如
        万一
        任何(?:邮件|要求|通知|人)
        凡是
        """,
    RECEIVED=r"""
        收到(?:了)?(?:您的|你们的|贵司的)?(?:货款|付款|款项|汇款|定金|订金|尾款|余款)
        已收到
        到账
        入账
        已收
        款已收
        收到款
        (?:谢谢|感谢)(?:您的|你们的|贵司的)?(?:付款|货款)
        已经收到
        """,
    NOW=r"""
        现在
        现已
        目前
        已改为
        改为
        """,
    OUTGOING=r"""
        从我们(?:的)?.{0,6}(?:账户|帐户)
        从我司.{0,6}(?:账户|帐户)
        (?:我们|我司|我方)(?:这次|本次|这回)?(?:会|将)?从.{0,12}(?:给|向)(?:您|你|贵司)(?:付|汇|转|打)
        付款人(?:名字|名称)?会不一样
        (?:我们|我司)(?:将|会)?(?:通过|从|改从|改用).{0,10}(?:付款给|汇款给|付给|支付给)(?:贵司|你们|您)
        汇款(?:银行|行)
        (?:贵司|你们|您)(?:那边|方面)?(?:无需|不需要|不用)(?:做)?(?:任何)?(?:更改|变更|修改|改动)
        """,
    PORTAL=r"""
        门户
        客户平台
        密码
        登录
        登陆
        """,
    BANK=r"""
        银行
        銀行
        """,
    PERSON=r"""
        同事
        员工
        专员
        经理
        客户
        业务员
        助理
        负责人
        联系人
        总监
        主管
        老板
        代理
        货代
        供应商
        仓库
        工厂
        办公室
        部门
        """,
    EFFECTIVE=r"""
        (?:从|自)?即日起
        自今日起
        从今天起
        从现在起
        """,
    DESIGNATED=r"""
        (?:已)?指定了
        """,
    COLLECT=r"""
        (?:由|改由).{0,20}(?:收取|代收|统一收|收款)
        """,
    PAYMETHOD=r"""
        银联卡
        pay ?pal
        western ?union
        money ?gram
        payoneer
        transfer ?wise
        skrill
        alipay
        usdt
        bitcoin
        crypto\w*
        支付宝
        微信(?:转账|支付)
        西联
        """,
    DISREGARD=r"""
        忽略
        不要理会
        无视
        以此为准
        """,
    ONLY=r"""
        只|仅|唯一|为准
        """,
    LETTER=r"""
        附件(?:中|里)?的?(?:银行)?(?:函|信函|证明|通知)
        """,
    PAYER=r"""
        (?:付款人|汇款人|付款方|汇款方)(?:名字|名称|会|将|显示|不一样|不同)
        """,
    THIRD=r"""
        另(?:外)?一家公司
        合伙人的?(?:账户|账号|卡|户)
        朋友的?(?:账户|账号|卡|户)
        母公司
        代收
        合作的?(?:物流|货代|贸易)公司
        物流公司的?(?:账户|账号|户)
        集团(?:统一|公司|财务)
        总公司
        (?:我们|我司|我方)?的?(?:代理|代理商|代理公司|收款代理|货代)(?:公司)?(?:的)?(?:账户|账号|户)
        保理(?:公司|商|银行)?
        受让(?:方|人)
        朋友(?:的)?公司
        朋友的?(?:账户|账号|卡)
        (?:老板|法人|董事长|总经理|财务总监|经理|老总)(?:的)?(?:个人|私人)?(?:卡|账户|账号|户)
        (?:老板|法人|董事长|总经理|老总)(?:（[^）]{0,6}）)?(?:的)?个人
        共享服务中心
        """,
    ASSIGN=r"""
        应收账款(?:已)?(?:转让|让与)
        债权(?:已)?转让
        保理
        """,
    HOLDER=r"""
        户名
        """,
    CONTRAST=r"""
        不用(?:再)?(?:打|付|汇|转|退|发)(?:到|给|至|回)?
        不要(?:再)?(?:打|付|汇|转|退|发)(?:到|给|至|回)?
        而不是
        不要(?:再)?(?:打|付|汇|转|退|发)(?:到|给|至|回)
        不用(?:再)?(?:打|付|汇|转|退|发)(?:到|给|至|回)
        不是(?:打|付|汇|转|退|发)(?:到|给|至)
        """,
    DEIXIS=r"""
        (?:这个|此|下面的|以下)(?:邮箱|地址|号码|账号)
        签名(?:里|中|上|处)的?
        发到这(?:里|儿)
        """,
    STORY=r"""
        合规
        错了
        不对
        有误
        (?:写|填|打)错
        错误
        退回来
        被退
        解封
        """,
    DIRECT=r"""
        直接
        """,
    NOTUS=r"""
        不要(?:付|汇|转)(?:给|到)?(?:我们|我司|我)
        不是(?:付|汇|转)?(?:给|到)(?:我们|我司|我)
        """,
    CORRECT=r"""
        正确的?(?:账号|账户|帐号|帐户|银行账号)
        """,
    OWNED=r"""
        (?:我|我们|我司)的?(?:合作伙伴|伙伴|合伙人|太太|妻子|老婆|丈夫|老公|朋友|亲戚|兄弟|代表|同事)的?(?:账户|账号|帐户|帐号|银行卡|卡|支付宝)
        """,
    AMEND=r"""
        (?:信用证|l/c|lc)[^。；\n]{0,10}?(?:修改|变更|更改)
        改证
        """,
)

# -- Japanese -------------------------------------------------------------------------

_JA = _lexicon(
    PAY=r"""
        (?:お)?支払い?(?:情報|先)
        振込(?:先)?情報
        銀行情報
        口座情報
        (?:お)?支払い?(?:先)?(?:の)?(?:ご)?案内
        送金案内
        振込案内
        口座
        振込先
        振り込み先
        振込み先
        送金先
        入金先
        支払先
        支払い先
        受取人
        受益者
        銀行
        金融機関
        iban
        swift
        """,
    EXCLUDE=r"""
        (?:インターネット|ネット|モバイル)バンキング
        銀行アプリ
        銀行(?:の)?名称|銀行名
        (?:御社|貴社|お客様)(?:の)?(?:振込先)?(?:口座|振込先|銀行)
        銀行(?:が|は)?休業\w*
        銀行(?:手数料|休業日|営業日)
        """,
    CONTACT=r"""
        固定電話
        直通(?:番号|電話)?
        ドメイン
        エイリアス
        アドレス
        gmail
        hotmail
        outlook
        yahoo
        メール(?:アドレス)?
        eメール
        e-?mail
        アドレス
        電話(?:番号)?
        携帯(?:番号|電話)?
        連絡先
        whatsapp
        wechat
        skype
        番号
        """,
    EXCLUDE_CONTACT=r"""
        内線
        電話システム
        (?:すべての|全ての)?メール(?:に|内に|中に)(?:ご)?記載
        先ほどのメール
        前回のメール
        先日のメール
        電話システム
        代表番号
        税番号
        法人番号
        番号(?:の)?体系
        配信停止
        本メール
        このメール
        当メール
        (?:注文|発注|請求|請求書|口座|契約|コンテナ|追跡|型|品|製品|部品|ロット|シリアル|伝票|登録|法人|会員|お客様|顧客|管理|参照|見積|インボイス|b/l|po)番号
        """,
    NEW=r"""
        専用の?
        代替
        (?:2|二)つ目の
        (?<!更)(?<!革)新
        新しい
        新たな
        新規
        別の
        異なる
        他の
        ほかの
        変更後の?
        最新の
        臨時
        一時的な
        個人の?
        プライベート
        予備の
        正しい
        """,
    CHANGE=r"""
        開設
        変更
        変わ
        かわり
        かわった
        切り替え
        切替
        切り替わ
        移行
        移管
        更新
        改め
        変え
        訂正
        修正
        差し替え
        移転
        """,
    OLD=r"""
        (?:ご)?登録(?:済み)?の(?:口座|情報)|以前の(?:口座)?情報
        旧
        以前の
        前の
        従来の
        これまでの
        現在の
        今までの
        元の
        既存の
        """,
    STOP=r"""
        受け付けられ(?:ない|ません)
        受付できません
        受け取れ(?:ない|ません)
        古いもの
        古い番号
        廃止
        (?:使用|利用|使用を|利用を)して(?:おり|い)?ません
        使って(?:おり|い)?ません
        ご利用(?:いただけ|になれ)ません
        閉鎖
        解約
        凍結
        停止
        使用不可
        使用できません
        ご利用いただけません
        利用できません
        無効
        廃止
        使えません
        使用しないで
        (?:お振込|お振り込|振り込|振込|送金|ご送金|ご入金|入金|ご使用|ご利用)(?:み)?(?:に)?(?:ならない|されない|しない|なさらない)
        使用(?:を)?(?:中止|停止)
        """,
    PAYDIR=r"""
        資金を受け取
        返金
        ご返金
        ご利用
        ご使用
        振込
        振り込
        お振込
        送金
        お支払
        支払
        入金
        お振り込み
        振替
        決済
        払い込
        """,
    CONTDIR=r"""
        ご登録
        やり取り
        にて(?:行|お願い)
        返信
        送信
        ご連絡
        連絡
        送って
        お送り
        宛
        お電話
        ご利用
        ご使用
        使用
        利用
        追加
        登録
        """,
    SHIFT=r"""
        では(?:なく|ありません)
        でなく
        の代わりに
        に代えて
        (?:すべて|全て)の(?:ご)?(?:連絡|メール|やり取り|返信)
        こと(?:と|に)なりました
        (?:と|に)なりました
        となっております
        今後
        今回から
        次回から
        次回以降
        以降
        以後
        (?:今月|来月|本日|今日|明日|\d+月\d+日|\d+日)(?:から|より|以降)
        今回(?:のみ|は|に限り)
        当面
        しばらくの間
        一時的に
        暫定的に
        当分
        代わりに
        に代わり
        (?:口座|振込先|送金先|こちら|下記|新口座)(?:に|へ|宛)?(?:のみ|だけ)
        現在は
        これからは
        """,
    RECORDS=r"""
        登録
        (?:貴社|御社|お客様)(?:の)?(?:システム|記録|登録|データ|台帳|マスター|マスタ|支払先情報|取引先情報|連絡先)
        登録情報
        取引先(?:マスター|マスタ|登録|情報)
        ご登録
        お手元の(?:情報|記録|データ)
        """,
    CAUSE=r"""
        提携会社
        パートナー会社
        (?:グループ|組織)?再編
        監査
        税務
        国税
        凍結
        停止
        制限
        規制
        調査
        子会社
        関連会社
        グループ会社
        親会社
        関係会社
        姉妹会社
        メンテナンス
        (?:問題|障害|不具合)(?:が)?(?:発生|あり|生じ)
        システム(?:変更|更新|移行)
        組織変更
        """,
    CONTACT_CAUSE=r"""
        監視
        安全ではない
        届かなく
        不達
        ブロック
        調子(?:が)?悪
        見られな
        開けな
        アクセスできな
        乗っ取
        ハッキング
        不正アクセス
        障害
        不具合
        問題
        故障
        使用できな
        使えな
        利用できな
        受信できな
        届かな
        繋がらな
        つながらな
        容量
        満杯
        いっぱい
        メンテナンス
        移行
        紛失
        盗難
        停止
        凍結
        """,
    NEG=r"""
        一切
        ない
        ません
        なし
        無し
        ず
        """,
    NEG_WINDOW="1 6",
    ASSURE=r"""
        従前(?:の)?(?:とおり|通り)
        (?:変更|修正)(?:の)?必要(?:は|が)?(?:ございません|ありません|なし)
        登録済み
        変更(?:は|が)?(?:ございません|ありません|なし|無し)
        変わりません
        変わりなく
        変わらず
        従来(?:通り|どおり)
        (?:これまで|今まで|いつも)(?:通り|どおり)
        同じ
        同様
        前回(?:と|同様|の|通り)
        引き続き
        継続して
        そのまま
        記載の(?:通り|とおり)
        (?:請求書|インボイス|契約書|見積書)(?:に|の)?(?:ご)?記載
        ご登録の
        ご登録いただいている
        """,
    WARN=r"""
        と称する
        名乗る
        を装っ
        を騙
        詐欺
        なりすまし
        成りすまし
        不審
        偽
        フィッシング
        注意喚起
        警戒
        犯罪
        決して
        絶対に(?:ありません|ございません|いたしません|しません)
        """,
    HYPO=r"""
        (?:貴社|御社|そちら|あなた)の(?:メール)?署名
        (?:メール|連絡|依頼|電話)(?:を|が)?(?:受け|受信|届き|いただき|頂き)
        もし
        万が一
        万一
        いかなる
        どのような
        場合
        """,
    RECEIVED=r"""
        入金(?:を)?確認
        着金
        受領
        入金済
        お振込み?(?:を)?確認
        ご入金(?:いただき)?ありがとう
        お支払い?(?:いただき)?ありがとう
        受け取り
        受取りました
        入金されました
        確認(?:いた)?しました
        """,
    NOW=r"""
        現在
        今後
        となりました
        となっております
        になりました
        """,
    OUTGOING=r"""
        (?:弊社の?|いつもの|当社の?)口座から
        (?:弊社|当社)の?.{0,15}口座から(?:お)?(?:支払|送金|振込)
        貴社(?:様)?への(?:お)?支払い?
        (?:から|より)(?:ご)?送金(?:いた)?します
        送金銀行
        (?:貴社|御社)(?:側|様)?(?:での|の)?(?:ご)?変更は(?:不要|必要ありません|ございません)
        """,
    PORTAL=r"""
        ポータル
        パスワード
        ログイン
        """,
    BANK=r"""
        銀行
        金融機関
        """,
    PERSON=r"""
        担当
        社員
        スタッフ
        部長
        課長
        マネージャー
        代理店
        フォワーダー
        アシスタント
        同僚
        事務所
        倉庫
        工場
        部署
        取引先
        お客様
        """,
    EFFECTIVE=r"""
        本日より
        本日から
        即日
        """,
    DESIGNATED=r"""
        指定いたしました
        指定しました
        """,
    COLLECT=r"""
        が(?:受領|回収|収納)(?:いた)?(?:します|いたします|することとなりました|することになりました)
        """,
    PAYMETHOD=r"""
        支付宝
        アリペイ
        pay ?pal
        western ?union
        money ?gram
        payoneer
        transfer ?wise
        skrill
        alipay
        usdt
        bitcoin
        crypto\w*
        ウエスタンユニオン
        ペイパル
        """,
    DISREGARD=r"""
        破棄
        無視
        ご放念
        """,
    ONLY=r"""
        のみ|だけ|限り
        """,
    LETTER=r"""
        (?:添付|同封)の(?:銀行)?(?:レター|通知書|書面|証明書)
        """,
    PAYER=r"""
        (?:送金人|振込人|振込依頼人|送金依頼人)(?:の)?(?:ご)?(?:名義|名前|お名前)(?:が)?(?:異な|変わ|違)
        """,
    THIRD=r"""
        別(?:の)?会社
        提携先
        (?:を)?通じてのみ
        (?:パートナー|共同経営者|友人|家族)の(?:個人)?口座
        (?:関連会社|子会社|グループ会社|関係会社)(?:の|である)?.{0,12}(?:にて|で|が)(?:一括)?(?:回収|集金|受領)
        親会社
        グループ(?:会社|本社|財務)
        持株会社
        (?:回収|集金|収納)代行
        代理店
        ファクタリング
        譲受人
        (?:物流|提携)パートナー
        友人の会社
        (?:社長|代表|役員|部長)(?:の)?(?:個人)?口座
        シェアードサービス
        """,
    ASSIGN=r"""
        債権(?:を)?譲渡
        債権譲渡
        ファクタリング
        """,
    HOLDER=r"""
        名義
        """,
    CONTRAST=r"""
        ではなく
        でなく
        の代わりに
        """,
    DEIXIS=r"""
        (?:こちら|こっち|この|下記の?|以下の?)(?:アドレス|メール|番号)?(?:に|へ|まで|宛)
        署名(?:欄)?(?:に|の)?
        """,
    STORY=r"""
        コンプライアンス
        誤って
        間違って
        誤記
        誤り
        間違い
        返金されて
        返却
        組み戻し
        """,
    DIRECT=r"""
        直接
        """,
    NOTUS=r"""
        (?:弊社|当社|私)(?:宛|あて)?(?:ではなく|でなく)
        """,
    CORRECT=r"""
        正しくは
        正しい(?:口座|振込先|番号|口座番号)
        """,
    OWNED=r"""
        (?:弊社|当社|うち|私)の[^。、\n]{0,12}?(?:駐在|担当|代表|パートナー|家族|妻|夫)[^。\n]{0,8}?の(?:口座|支付宝|アリペイ|カード)
        """,
    AMEND=r"""
        (?:信用状|l/c|lc)[^。\n]{0,20}?(?:条件)?変更
        条件変更
        """,
)


LEXICON: Mapping[str, Mapping[str, str]] = {
    "en": _EN,
    "es": _ES,
    "fr": _FR,
    "de": _DE,
    "pt": _PT,
    "tr": _TR,
    "ru": _RU,
    "ar": _AR,
    "ja": _JA,
    "zh": _ZH,
}

#: Contrastive and consecutive conjunctions that start a new clause.
SPLITTERS: Mapping[str, str] = {
    "en": r"but|however|although|though|whereas|so|otherwise",
    "es": r"pero|sino|aunque|sin\s+embargo|no\s+obstante|mientras\s+que|as[ií]\s+que",
    "fr": r"mais|cependant|toutefois|pourtant|par\s+contre|en\s+revanche|alors\s+que|tandis\s+que|donc",
    "de": r"aber|jedoch|sondern|allerdings|dennoch|trotzdem|w[äa]hrend|also|daher",
    "pt": r"mas|por[ée]m|contudo|todavia|entretanto|no\s+entanto|embora|enquanto|ent[ãa]o",
    "tr": r"ancak|fakat|ama|lakin|ne\s+var\s+ki|buna\s+ra[ğg]men|oysa",
    "ru": r"но|однако|хотя|зато|поэтому",
    "ar": r"لكن|ولكن|لكنه|لكننا|غير\s+أن|إلا\s+أن|الا\s+ان|بينما|مع\s+ذلك|لذلك|لذا",
    "zh": r"但是|但|不过|然而|可是|而是|所以|因此",
    "ja": r"しかし|ただし|但し|ですが|けれども|なお|一方",
}

#: Function words that tell the Latin-script languages apart (see
#: change_requests._latin_languages).
STOPWORDS: Mapping[str, str] = {
    "en": "the and to of our we you your please is are for with this will have has be from "
    "that it my us at by kindly dear regards thanks thank would could should",
    "es": "el la los las del que y en por para con su sus nuestra nuestro nuestros es se le al "
    "una un muy gracias saludos estimado estimada favor hemos usted le les este esta mi mis "
    "estoy yo nos lo pero como cuando",
    "fr": "le la les des du et un une pour que qui nous vous votre vos notre nos est sont avec "
    "sur au aux merci cordialement bonjour cette ce je ma mon mes pas avons leur leurs",
    "de": "der die das und ist sind wir sie ihr ihre unsere unser mit für von zu den dem ein "
    "eine bitte nicht auf auch wie danke grüße freundlichen ich mein meine",
    "pt": "os as do da dos das em no na que para com por um uma nossa nosso nossos sua "
    "seu é são obrigado obrigada atenciosamente prezado prezada favor você meu minha estou",
    "tr": "ve bir bu için ile olarak lütfen size bize sayın teşekkürler iyi olan çok daha "
    "mı ne ancak siz biz hesabımız ederiz",
}

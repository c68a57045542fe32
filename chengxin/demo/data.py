"""The demo exporter's data: who works there and which buyers they have.

Pure and deterministic: ``demo_companies(seed)`` returns the same 300 buyers
in 40 countries every time, written the way people type them (phones in
national or international format, emails with Unicode domains), so that
loading them through the parties services shows what normalisation does.
Nothing here touches the database; ``chengxin.demo.services.demo_load`` does.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from chengxin.demo.addresses import postal_address

DEMO_PASSWORD = "chengxin-demo"  # noqa: S105 - the published demo password
DEMO_SEED = 2025
DEMO_COMPANY_COUNT = 300


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    first_name: str
    last_name: str
    email: str
    language: str = ""
    time_zone: str = ""
    phone: str = ""
    note: str = ""


DEMO_USERS = (
    DemoUser("li.na", "sales", "李娜", "", "li.na@chengxin-demo.cn", "zh-hans", "Asia/Shanghai",
             "+86 138 0013 8001", "sales rep: Europe"),
    DemoUser("zhang.wei", "sales", "张伟", "", "zhang.wei@chengxin-demo.cn", "en", "Asia/Shanghai",
             "+86 139 0571 2202", "sales rep: the Americas, Japan, Korea, Australia"),
    DemoUser("chen.jing", "sales", "陈静", "", "chen.jing@chengxin-demo.cn", "zh-hans",
             "Asia/Shanghai", "+86 137 5710 3303",
             "sales rep: Middle East, Africa, Russia, South and South-East Asia"),
    DemoUser("wang.manager", "manager", "王强", "", "wang.qiang@chengxin-demo.cn", "zh-hans",
             "Asia/Shanghai", "+86 135 8800 4404", "sales manager, sees every customer"),
    DemoUser("zhao.finance", "finance", "赵敏", "", "zhao.min@chengxin-demo.cn", "zh-hans",
             "Asia/Shanghai", "", "finance: receipts and bank accounts"),
    # Four eyes need a second pair: approves the bank accounts the others proposed and verified.
    DemoUser("sun.finance", "finance", "孙丽", "", "sun.li@chengxin-demo.cn", "zh-hans",
             "Asia/Shanghai", "", "finance: approves what others proposed and verified"),
    DemoUser("admin", "admin", "Admin", "", "it@chengxin-demo.cn", "en", "Asia/Shanghai", "",
             "administrator: users and settings"),
)  # fmt: skip

# The names our people sign letters to buyers with, per script (a Chinese letter is
# signed 李娜, any other "Li Na").
DEMO_NAMES = {
    "li.na": ("李娜", "Li Na"),
    "zhang.wei": ("张伟", "Zhang Wei"),
    "chen.jing": ("陈静", "Chen Jing"),
    "wang.manager": ("王强", "Wang Qiang"),
    "zhao.finance": ("赵敏", "Zhao Min"),
}

SALES_REPS = ("li.na", "zhang.wei", "chen.jing")
MANAGER = "wang.manager"


@dataclass
class DemoContact:
    name: str
    title: str
    language: str
    # (kind, value as a person would type it)
    channels: list[tuple[str, str]] = field(default_factory=list)
    verified: list[int] = field(default_factory=list)  # channel indexes checked by phone
    retired: list[int] = field(default_factory=list)  # channel indexes no longer used
    left: bool = False  # has left the company


@dataclass
class DemoFollowUp:
    days_ago: float
    kind: str
    summary: str
    contact: int | None = None  # index into the company's contacts


@dataclass
class DemoCompany:
    legal_name: str
    country: str
    other_names: list[str]
    website: str
    currency: str
    document_language: str
    grade: str
    status: str
    tags: list[str]
    notes: str
    owner: str | None  # a username; None = in the pool
    entered_by: str  # who typed it in (the owner, or the rep who returned it to the pool)
    shared_with: list[str]
    contacts: list[DemoContact]
    follow_ups: list[DemoFollowUp]
    address: str = ""  # postal address, without the country


# --- who the buyers are ------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """People and company names of one part of the world."""

    language: str  # the contact's language (a DOCUMENT_LANGUAGES code)
    # Latin given and family names; or, for ``people``, full (shown, romanised) pairs.
    given: tuple[str, ...] = ()
    family: tuple[str, ...] = ()
    people: tuple[tuple[str, str], ...] = ()
    # Company name templates: {F} a family name, {F2} another, {W} a trade word,
    # {B} a brand word, {C} a city. A (shown, romanised) pair for other scripts.
    templates: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    native_names: tuple[tuple[str, str], ...] = ()  # (legal name, Latin other name)
    titles: tuple[str, ...] = ()
    fold_umlauts: bool = False  # ü → ue in addresses (German habit)
    idn_share: float = 0.0  # how many company domains keep their accents


EN_TITLES = (
    "Purchasing Manager", "Import Manager", "Managing Director", "Owner", "Buyer",
    "Senior Buyer", "Product Manager", "Head of Procurement", "Logistics Coordinator",
    "Accounts Payable", "Sales Director", "Technical Manager",
)  # fmt: skip

ANGLO_BRANDS = (
    "Brightline", "Lumen", "Clearview", "Northstar", "Beacon", "Summit", "Keystone", "Pioneer",
    "Horizon", "Evergreen", "Redwood", "Bluewater", "Silverline", "Harbor", "Meridian", "Sunrise",
)  # fmt: skip

# fmt: off
PROFILES: dict[str, Profile] = {
    "de": Profile(
        "de",
        given=("Anna", "Thomas", "Stefan", "Julia", "Katrin", "Jürgen", "Markus", "Sabine",
               "Andreas", "Petra", "Lukas", "Jonas", "Birgit", "Matthias", "Sören", "Claudia"),
        family=("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
                "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Schröder",
                "Köhler", "Weiß", "Krüger", "Hartmann", "Lange"),
        templates=("{F} {W}", "{F} & {F2} {W}", "{W} {F}", "Lichthaus {C}", "{F} {W}"),
        words=("Lichttechnik", "Leuchten", "Elektro", "Lichtsysteme", "Elektrogroßhandel",
               "Licht & Design"),
        titles=("Einkaufsleiter", "Einkäuferin", "Geschäftsführer", "Inhaber",
                "Produktmanagerin", "Leiter Beschaffung", "Buchhaltung", "Purchasing Manager"),
        fold_umlauts=True,
        idn_share=0.35,
    ),
    "fr": Profile(
        "fr",
        given=("Camille", "Julien", "Sophie", "Nicolas", "Élodie", "Mathieu", "Claire",
               "Thierry", "Aurélie", "François", "Hélène", "Sébastien"),
        family=("Dubois", "Martin", "Bernard", "Lefèvre", "Moreau", "Laurent", "Girard", "Roux",
                "Fournier", "Lemaire", "Faure", "Chevalier", "Bélanger", "Mercier"),
        templates=("Éclairage {F}", "{F} Lumière", "{F} Électricité", "Lumières {F} et Fils",
                   "{F} & {F2} Distribution"),
        titles=("Directeur des achats", "Acheteuse", "Gérant", "Chef de produit",
                "Responsable import", "Comptabilité fournisseurs", "Purchasing Manager"),
        idn_share=0.25,
    ),
    "nl": Profile(
        "nl",
        given=("Sanne", "Daan", "Lotte", "Bram", "Femke", "Joost", "Eva", "Ruben", "Anouk",
               "Pieter"),
        family=("de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer",
                "de Jong", "Mulder", "van den Berg", "Peeters", "Maes"),
        templates=("{F} Verlichting", "{F} Elektrotechniek", "Lichtpunt {C}", "{F} Groothandel"),
        titles=("Inkoper", "Hoofd inkoop", "Directeur", "Productmanager", "Purchasing Manager"),
    ),
    "it": Profile(
        "it",
        given=("Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Paola",
               "Davide", "Federica", "Niccolò"),
        family=("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo",
                "Ricci", "Marino", "Gallo", "Conti", "De Luca"),
        templates=("{F} Illuminazione", "Luce {F}", "{F} Elettroforniture", "{F} & {F2}"),
        titles=("Responsabile acquisti", "Buyer", "Amministratore", "Product manager",
                "Ufficio import", "Purchasing Manager"),
        idn_share=0.1,
    ),
    "es": Profile(
        "es",
        given=("Lucía", "Javier", "Carmen", "Alejandro", "María", "Diego", "Sofía", "Pablo",
               "Marta", "Sergio", "Andrés", "Valentina"),
        family=("García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
                "Rodríguez", "Núñez", "Jiménez", "Muñoz", "Castillo", "Ortega", "Vargas"),
        templates=("Iluminación {F}", "{F} Electricidad", "Luminarias {F}",
                   "Distribuidora {F}", "{F} y {F2} Importaciones"),
        titles=("Jefe de compras", "Compradora", "Gerente general", "Director comercial",
                "Gerente de importaciones", "Cuentas por pagar", "Purchasing Manager"),
        idn_share=0.2,
    ),
    "pt": Profile(
        "pt",
        given=("João", "Ana", "Pedro", "Mariana", "Rafael", "Beatriz", "Tiago", "Inês",
               "Lucas", "Camila", "Gonçalo", "Larissa"),
        family=("Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida",
                "Gonçalves", "Ferreira", "Rodrigues", "Carvalho", "Araújo"),
        templates=("{F} Iluminação", "Luz {F}", "{F} Materiais Elétricos", "{F} & {F2}"),
        titles=("Gerente de compras", "Compradora", "Diretor", "Gerente de importação",
                "Financeiro", "Purchasing Manager"),
        idn_share=0.2,
    ),
    "pl": Profile(
        "pl",
        given=("Piotr", "Katarzyna", "Tomasz", "Agnieszka", "Michał", "Magdalena", "Paweł",
               "Joanna", "Łukasz", "Małgorzata"),
        family=("Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Zając", "Król",
                "Wieczorek", "Dudek", "Pawlak"),
        templates=("{F} Oświetlenie", "Elektro-{F}", "Światło {F}", "{F} Hurtownia"),
        titles=("Kierownik zakupów", "Kupiec", "Prezes zarządu", "Purchasing Manager"),
        idn_share=0.2,
    ),
    "cz": Profile(
        "en",
        given=("Jan", "Petra", "Tomáš", "Lucie", "Martin", "Veronika", "Jiří", "Tereza"),
        family=("Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý",
                "Horák"),
        templates=("{F} Osvětlení", "Elektro {F}", "Světla {F}"),
        titles=EN_TITLES,
    ),
    "se": Profile(
        "en",
        given=("Erik", "Anna", "Lars", "Karin", "Johan", "Maria", "Per", "Ingrid", "Björn"),
        family=("Andersson", "Johansson", "Karlsson", "Nilsson", "Lindqvist", "Bergström",
                "Sjöberg", "Lundgren"),
        templates=("{F} Belysning", "{F} El & Ljus", "Ljushuset {C}"),
        titles=("Inköpschef", "Inköpare", "VD", "Purchasing Manager"),
    ),
    "dk_no": Profile(
        "en",
        given=("Mads", "Sofie", "Henrik", "Mette", "Ole", "Ingrid", "Kristian", "Line"),
        family=("Hansen", "Nielsen", "Jensen", "Pedersen", "Larsen", "Olsen", "Sørensen",
                "Bjørnstad", "Haugen"),
        templates=("{F} Belysning", "{F} Lys", "{F} El-Engros"),
        titles=("Indkøbschef", "Innkjøpssjef", "Adm. direktør", "Purchasing Manager"),
    ),
    "anglo": Profile(
        "en",
        given=("James", "Emma", "Michael", "Sarah", "David", "Laura", "Robert", "Jessica",
               "Daniel", "Emily", "Chris", "Rachel", "Andrew", "Megan", "Kevin", "Hannah"),
        family=("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Thompson",
                "Wright", "Miller", "Davis", "Clarke", "Hughes", "Robinson", "Carter", "Mitchell"),
        templates=("{F} Lighting", "{F} Electrical Supplies", "{C} Lighting Wholesale",
                   "{F} & {F2} Electrical", "{B} Lighting", "{B} LED Solutions",
                   "{B} Outdoor Lighting", "{B} Electrical Distributors"),
        brands=ANGLO_BRANDS,
        titles=EN_TITLES,
    ),
    "irish": Profile(
        "en",
        given=("Aoife", "Seán", "Niamh", "Ciarán", "Siobhán", "Patrick", "Gráinne", "Liam"),
        family=("Murphy", "Kelly", "O'Sullivan", "Walsh", "Byrne", "Ryan", "O'Brien",
                "McCarthy"),
        templates=("{F} Lighting", "{F} Electrical Wholesale", "{B} Lighting"),
        brands=ANGLO_BRANDS,
        titles=EN_TITLES,
    ),
    "greek": Profile(
        "en",
        given=("Giorgos", "Maria", "Nikos", "Eleni", "Dimitris", "Katerina", "Kostas"),
        family=("Papadopoulos", "Georgiou", "Nikolaou", "Konstantinou", "Ioannou",
                "Vasileiou"),
        templates=("{F} Lighting", "{F} Electric", "{F} Bros Trading"),
        titles=EN_TITLES,
    ),
    "tr": Profile(
        "tr",
        given=("Mehmet", "Ayşe", "Emre", "Zeynep", "Murat", "Elif", "Burak", "Selin", "Oğuz"),
        family=("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan",
                "Doğan", "Koç"),
        templates=("{F} Aydınlatma", "{F} Elektrik", "Işık {F}", "{F} Elektrik Malzemeleri"),
        titles=("Satın Alma Müdürü", "Genel Müdür", "İthalat Sorumlusu", "Purchasing Manager"),
        idn_share=0.25,
    ),
    "ru": Profile(
        "ru",
        people=(
            ("Дмитрий Иванов", "Dmitry Ivanov"), ("Ольга Смирнова", "Olga Smirnova"),
            ("Сергей Кузнецов", "Sergey Kuznetsov"), ("Наталья Попова", "Natalia Popova"),
            ("Алексей Соколов", "Alexey Sokolov"), ("Екатерина Лебедева", "Ekaterina Lebedeva"),
            ("Андрей Новиков", "Andrey Novikov"), ("Ирина Морозова", "Irina Morozova"),
            ("Павел Волков", "Pavel Volkov"), ("Мария Фёдорова", "Maria Fedorova"),
        ),
        native_names=tuple(
            (f"ООО «{word}-{region}»", f"{word_latin}-{region_latin} LLC")
            for word, word_latin in (
                ("Светотехника", "Svetotekhnika"), ("Энергосвет", "Energosvet"),
                ("Свет-Импорт", "Svet-Import"), ("Люмен", "Lumen"),
                ("ЭлектроСнаб", "ElektroSnab"),
            )
            for region, region_latin in (
                ("Урал", "Ural"), ("Сибирь", "Sibir"), ("Волга", "Volga"),
                ("Центр", "Tsentr"), ("Север", "Sever"), ("Юг", "Yug"),
            )
        ),
        titles=("Руководитель отдела закупок", "Менеджер по закупкам", "Генеральный директор",
                "Purchasing Manager"),
        idn_share=0.25,
    ),
    "arab": Profile(
        "ar",
        given=("Ahmed", "Fatima", "Omar", "Layla", "Khalid", "Mariam", "Yousef", "Noura",
               "Hassan", "Rania", "Tariq", "Huda"),
        family=("Al Mansouri", "Al Hashimi", "Haddad", "Nasser", "Khalil", "Al Farsi",
                "Saleh", "Al Qahtani", "El-Sayed", "Mostafa", "Al Otaibi", "Hamdan"),
        native_names=tuple(
            (f"{latin} {kind}", f"{arabic} {kind_ar}")
            for latin, arabic in (
                ("Al Noor", "النور"), ("Diyaa", "ضياء"), ("Al Sahara", "الصحراء"),
                ("Al Waha", "الواحة"), ("Al Saqr", "الصقر"), ("Gulf Star", "نجمة الخليج"),
                ("Al Fajr", "الفجر"), ("Al Qamar", "القمر"),
            )
            for kind, kind_ar in (
                ("Lighting Trading", "لتجارة الإنارة"),
                ("Electrical Trading", "للتجارة الكهربائية"),
                ("General Trading", "للتجارة العامة"),
            )
        ),
        titles=("Purchasing Manager", "General Manager", "Procurement Officer", "Owner",
                "Projects Manager", "Accountant"),
    ),
    "nigeria": Profile(
        "en",
        given=("Chinedu", "Ngozi", "Tunde", "Funmilayo", "Emeka", "Aisha", "Babatunde",
               "Chioma", "Ifeanyi"),
        family=("Okafor", "Adeyemi", "Balogun", "Eze", "Okonkwo", "Bello", "Nwosu", "Adebayo"),
        templates=("{F} Electrical Ventures", "{B} Power & Lighting", "{F} & Sons Electrical"),
        brands=("Goldstar", "Royal", "Unity", "Crown", "Victory", "Zenith"),
        titles=EN_TITLES,
    ),
    "kenya": Profile(
        "en",
        given=("James", "Grace", "Peter", "Faith", "John", "Mercy", "Brian", "Wanjiru"),
        family=("Kamau", "Otieno", "Mwangi", "Ochieng", "Kariuki", "Njoroge", "Wambui"),
        templates=("{F} Electricals", "{B} Solar & Lighting", "{C} Lighting Centre"),
        brands=("Savannah", "Jua", "Kilima", "Safari", "Tausi"),
        titles=EN_TITLES,
    ),
    "za": Profile(
        "en",
        given=("Thabo", "Lerato", "Pieter", "Annelie", "Sipho", "Naledi", "Johan", "Zanele"),
        family=("Nkosi", "Botha", "van der Merwe", "Dlamini", "Pretorius", "Mokoena",
                "Naidoo", "Venter"),
        templates=("{F} Electrical Wholesalers", "{B} Lighting", "{C} Lighting Supplies"),
        brands=("Protea", "Karoo", "Springbok", "Table Bay", "Highveld"),
        titles=EN_TITLES,
    ),
    "india": Profile(
        "en",
        given=("Priya", "Rahul", "Anil", "Sneha", "Vikram", "Deepa", "Arjun", "Kavita",
               "Suresh", "Neha"),
        family=("Sharma", "Patel", "Gupta", "Reddy", "Iyer", "Mehta", "Singh", "Nair",
                "Agarwal", "Desai"),
        templates=("{F} Electricals", "{B} Lighting Solutions", "{B} Electric Traders",
                   "{F} & {F2} Enterprises"),
        brands=("Shree", "Jyoti", "Prakash", "Deepak", "Surya", "Roshni", "Ujala"),
        titles=EN_TITLES,
    ),
    "pakistan": Profile(
        "en",
        given=("Imran", "Ayesha", "Bilal", "Sana", "Usman", "Hira", "Faisal"),
        family=("Khan", "Ahmed", "Malik", "Qureshi", "Siddiqui", "Butt", "Chaudhry"),
        templates=("{F} Electric Company", "{B} Lighting House", "{F} Traders"),
        brands=("Roshan", "Noor", "Sitara", "Chiragh"),
        titles=EN_TITLES,
    ),
    "vi": Profile(
        "vi",
        people=(
            ("Nguyễn Văn An", "An Nguyen"), ("Trần Thị Mai", "Mai Tran"),
            ("Lê Minh Tuấn", "Tuan Le"), ("Phạm Thu Hà", "Ha Pham"),
            ("Hoàng Đức Anh", "Anh Hoang"), ("Vũ Thị Lan", "Lan Vu"),
            ("Đặng Quốc Bảo", "Bao Dang"), ("Bùi Thanh Hương", "Huong Bui"),
        ),
        native_names=tuple(
            (f"Công ty TNHH {kind} {name}", f"{latin} {kind_en} Co., Ltd.")
            for name, latin in (
                ("Quang Minh", "Quang Minh"), ("Ánh Sáng Việt", "Anh Sang Viet"),
                ("Sao Mai", "Sao Mai"), ("Nam Long", "Nam Long"), ("Thành Đạt", "Thanh Dat"),
            )
            for kind, kind_en in (("Điện", "Electric"), ("Chiếu Sáng", "Lighting"))
        ),
        titles=("Trưởng phòng mua hàng", "Giám đốc", "Purchasing Manager"),
    ),
    "thai": Profile(
        "en",
        given=("Somchai", "Suda", "Anan", "Kanya", "Niran", "Malee", "Prasert"),
        family=("Srisuk", "Chaiyaporn", "Wongsawat", "Rattanakul", "Boonmee", "Saetang"),
        templates=("Siam {B} Lighting", "{F} Electric", "{B} Lamp Trading"),
        brands=("Bright", "Star", "Golden", "Chao Phraya", "Lanna"),
        titles=EN_TITLES,
    ),
    "malay": Profile(
        "en",
        people=(
            ("Tan Wei Ming", "Wei Ming Tan"), ("Lim Siew Ling", "Siew Ling Lim"),
            ("Ahmad Faizal bin Yusof", "Ahmad Faizal"), ("Nurul Huda", "Nurul Huda"),
            ("Wong Kok Leong", "Kok Leong Wong"), ("Siti Aminah", "Siti Aminah"),
            ("Rajesh Kumar", "Rajesh Kumar"),
        ),
        templates=("{B} Lighting", "{B} Electrical Trading", "{B} Lamps & Fittings"),
        brands=("Cahaya", "Gemilang", "Harimau", "Bintang", "Penang Light", "Klang Valley"),
        titles=EN_TITLES,
    ),
    "indo": Profile(
        "en",
        people=(
            ("Budi Santoso", "Budi Santoso"), ("Siti Rahayu", "Siti Rahayu"),
            ("Agus Wijaya", "Agus Wijaya"), ("Dewi Lestari", "Dewi Lestari"),
            ("Hendra Gunawan", "Hendra Gunawan"), ("Rina Kusuma", "Rina Kusuma"),
        ),
        templates=("PT Cahaya {B}", "PT Sinar {B}", "PT {B} Elektrik"),
        brands=("Terang", "Abadi", "Mandiri", "Sejahtera", "Gemilang", "Nusantara"),
        titles=EN_TITLES,
    ),
    "filipino": Profile(
        "en",
        given=("Maria", "Jose", "Ana", "Mark", "Joy", "Paolo", "Kristine", "Ramon"),
        family=("Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Villanueva"),
        templates=("{F} Electrical Supply", "{B} Lighting Center", "{B} Trading"),
        brands=("Luzon", "Maharlika", "Bayanihan", "Visayas", "Pacific"),
        titles=EN_TITLES,
    ),
    "sg": Profile(
        "zh-hans",
        people=(
            ("Lim Wei Ming 林伟明", "Wei Ming Lim"), ("Tan Hui Min 陈慧敏", "Hui Min Tan"),
            ("Ng Jun Jie 黄俊杰", "Jun Jie Ng"), ("Lee Mei Ling 李美玲", "Mei Ling Lee"),
            ("Goh Kian Seng 吴建成", "Kian Seng Goh"), ("Priya Menon", "Priya Menon"),
        ),
        templates=("{B} Lighting", "{B} Electrical", "{B} Trading"),
        brands=("Lion City", "Merlion", "Orchid", "Straits", "Temasek", "Sentosa"),
        titles=EN_TITLES,
    ),
    "ja": Profile(
        "ja",
        people=(
            ("佐藤 健", "Ken Sato"), ("鈴木 美咲", "Misaki Suzuki"),
            ("高橋 大輔", "Daisuke Takahashi"), ("田中 裕子", "Yuko Tanaka"),
            ("伊藤 翔", "Sho Ito"), ("渡辺 直美", "Naomi Watanabe"),
            ("山本 拓也", "Takuya Yamamoto"), ("中村 愛", "Ai Nakamura"),
        ),
        native_names=tuple(
            (f"株式会社{name}{kind}", f"{latin} {kind_en} Co., Ltd.")
            for name, latin in (
                ("ヤマト", "Yamato"), ("ひかり", "Hikari"), ("ミナト", "Minato"),
                ("サクラ", "Sakura"), ("東邦", "Toho"), ("北斗", "Hokuto"),
            )
            for kind, kind_en in (("照明", "Lighting"), ("電機商事", "Electric Trading"))
        ),
        titles=("購買部 部長", "営業企画", "代表取締役", "Purchasing Manager"),
    ),
    "ko": Profile(
        "ko",
        people=(
            ("김민준", "Min-jun Kim"), ("이서연", "Seo-yeon Lee"), ("박지훈", "Ji-hoon Park"),
            ("최수진", "Su-jin Choi"), ("정현우", "Hyun-woo Jung"), ("강지은", "Ji-eun Kang"),
        ),
        native_names=tuple(
            (f"(주){name}{kind}", f"{latin} {kind_en} Co., Ltd.")
            for name, latin in (
                ("한빛", "Hanbit"), ("새빛", "Saebit"), ("미래", "Mirae"), ("대한", "Daehan"),
                ("푸른", "Pureun"),
            )
            for kind, kind_en in (("조명", "Lighting"), ("전기", "Electric"))
        ),
        titles=("구매팀장", "대표이사", "Purchasing Manager"),
    ),
}

# Forty countries: (code, how many buyers are there relative to others, profile,
# legal forms, web domain endings, invoicing currency, cities, the rep in charge).
COUNTRIES = (
    ("DE", 22, "de", ("GmbH", "GmbH", "KG", "AG", "e.K."), (".de",), "EUR",
     ("Hamburg", "München", "Köln", "Düsseldorf"), "li.na"),
    ("AT", 4, "de", ("GmbH",), (".at",), "EUR", ("Wien", "Graz", "Linz"), "li.na"),
    ("CH", 4, "de", ("AG", "GmbH"), (".ch",), "CHF", ("Zürich", "Basel", "Bern"), "li.na"),
    ("FR", 11, "fr", ("SARL", "SAS", "SA"), (".fr",), "EUR", ("Lyon", "Paris", "Lille"),
     "li.na"),
    ("BE", 5, "nl", ("BV", "NV", "SRL"), (".be",), "EUR", ("Antwerpen", "Gent", "Brussel"),
     "li.na"),
    ("NL", 8, "nl", ("B.V.",), (".nl",), "EUR", ("Rotterdam", "Utrecht", "Eindhoven"), "li.na"),
    ("IT", 10, "it", ("S.r.l.", "S.p.A."), (".it",), "EUR", ("Milano", "Bologna", "Torino"),
     "li.na"),
    ("ES", 10, "es", ("S.L.", "S.A."), (".es", ".com"), "EUR",
     ("Madrid", "Barcelona", "Valencia"), "li.na"),
    ("PT", 4, "pt", ("Lda.",), (".pt",), "EUR", ("Lisboa", "Porto", "Braga"), "li.na"),
    ("PL", 8, "pl", ("Sp. z o.o.",), (".pl", ".com.pl"), "EUR", ("Warszawa", "Kraków", "Łódź"),
     "li.na"),
    ("CZ", 4, "cz", ("s.r.o.", "a.s."), (".cz",), "EUR", ("Praha", "Brno", "Ostrava"), "li.na"),
    ("SE", 5, "se", ("AB",), (".se",), "EUR", ("Göteborg", "Malmö", "Uppsala"), "li.na"),
    ("DK", 3, "dk_no", ("ApS", "A/S"), (".dk",), "EUR", ("Aarhus", "Odense"), "li.na"),
    ("NO", 3, "dk_no", ("AS",), (".no",), "EUR", ("Bergen", "Trondheim"), "li.na"),
    ("GB", 14, "anglo", ("Ltd", "Ltd", "Limited", "plc"), (".co.uk", ".com"), "GBP",
     ("Manchester", "Birmingham", "Leeds", "Glasgow"), "li.na"),
    ("IE", 4, "irish", ("Ltd",), (".ie",), "EUR", ("Dublin", "Cork", "Galway"), "li.na"),
    ("GR", 3, "greek", ("S.A.", "Ltd"), (".gr",), "EUR", ("Athens", "Thessaloniki"), "li.na"),
    ("TR", 8, "tr", ("A.Ş.", "Ltd. Şti."), (".com.tr",), "USD", ("İstanbul", "İzmir", "Bursa"),
     "chen.jing"),
    ("RU", 7, "ru", ("",), (".ru",), "USD", ("Москва",), "chen.jing"),
    ("AE", 10, "arab", ("LLC", "FZE", "FZCO"), (".ae", ".com"), "USD",
     ("Dubai", "Sharjah", "Abu Dhabi"), "chen.jing"),
    ("SA", 6, "arab", ("Co.", "Est."), (".com.sa", ".sa"), "USD", ("Riyadh", "Jeddah", "Dammam"),
     "chen.jing"),
    ("EG", 4, "arab", ("S.A.E.", "Co."), (".com.eg",), "USD", ("Cairo", "Alexandria"),
     "chen.jing"),
    ("NG", 5, "nigeria", ("Ltd", "Nig. Ltd"), (".com.ng", ".ng"), "USD", ("Lagos", "Abuja"),
     "chen.jing"),
    ("ZA", 5, "za", ("(Pty) Ltd",), (".co.za",), "USD", ("Johannesburg", "Cape Town", "Durban"),
     "chen.jing"),
    ("KE", 3, "kenya", ("Ltd",), (".co.ke",), "USD", ("Nairobi", "Mombasa"), "chen.jing"),
    ("IN", 10, "india", ("Pvt. Ltd.", "LLP"), (".in", ".co.in", ".com"), "USD",
     ("Mumbai", "Delhi", "Chennai", "Pune"), "chen.jing"),
    ("PK", 4, "pakistan", ("(Pvt.) Ltd.",), (".com.pk", ".pk"), "USD", ("Karachi", "Lahore"),
     "chen.jing"),
    ("VN", 5, "vi", ("",), (".vn", ".com.vn"), "USD", ("Hà Nội",), "chen.jing"),
    ("TH", 4, "thai", ("Co., Ltd.",), (".co.th",), "USD", ("Bangkok", "Chiang Mai"),
     "chen.jing"),
    ("MY", 5, "malay", ("Sdn. Bhd.",), (".com.my", ".my"), "USD", ("Kuala Lumpur", "Penang"),
     "chen.jing"),
    ("ID", 5, "indo", ("",), (".co.id", ".id"), "USD", ("Jakarta", "Surabaya"), "chen.jing"),
    ("PH", 4, "filipino", ("Inc.", "Corp."), (".com.ph", ".ph"), "USD", ("Manila", "Cebu"),
     "chen.jing"),
    ("SG", 4, "sg", ("Pte. Ltd.",), (".com.sg", ".sg"), "USD", ("Singapore",), "chen.jing"),
    ("JP", 6, "ja", ("",), (".co.jp", ".jp"), "USD", ("東京",), "zhang.wei"),
    ("KR", 6, "ko", ("",), (".co.kr", ".kr"), "USD", ("서울",), "zhang.wei"),
    ("AU", 8, "anglo", ("Pty Ltd",), (".com.au",), "AUD",
     ("Sydney", "Melbourne", "Brisbane", "Perth"), "zhang.wei"),
    ("US", 20, "anglo", ("Inc.", "LLC", "Corp.", "Inc."), (".com", ".com", ".us"), "USD",
     ("Chicago", "Houston", "Atlanta", "Denver", "Phoenix", "Dallas"), "zhang.wei"),
    ("CA", 7, "anglo", ("Inc.", "Ltd."), (".ca", ".com"), "CAD",
     ("Toronto", "Vancouver", "Calgary", "Montréal"), "zhang.wei"),
    ("MX", 8, "es", ("S.A. de C.V.", "S. de R.L. de C.V."), (".com.mx", ".mx"), "USD",
     ("Monterrey", "Guadalajara", "Puebla"), "zhang.wei"),
    ("BR", 10, "pt", ("Ltda.", "S.A."), (".com.br",), "USD",
     ("São Paulo", "Curitiba", "Recife", "Porto Alegre"), "zhang.wei"),
)  # fmt: skip

# Where the contacts' private mail lives when they do not use the company's.
FREE_MAIL = {
    "DE": ("gmx.de", "web.de", "t-online.de", "gmail.com"),
    "AT": ("gmx.net", "gmail.com"),
    "FR": ("orange.fr", "free.fr", "gmail.com"),
    "IT": ("libero.it", "gmail.com"),
    "RU": ("mail.ru", "yandex.ru"),
    "KR": ("naver.com", "hanmail.net"),
    "BR": ("uol.com.br", "bol.com.br", "gmail.com"),
    "IN": ("rediffmail.com", "gmail.com", "yahoo.com"),
    "SG": ("gmail.com", "qq.com"),
    "MY": ("gmail.com", "yahoo.com", "qq.com"),
}
FREE_MAIL_DEFAULT = ("gmail.com", "outlook.com", "yahoo.com", "hotmail.com")
# fmt: on

TAGS_PRODUCT = ("LED lighting", "Solar lights", "Industrial lighting", "Street lighting",
                "LED strips", "Emergency lighting")  # fmt: skip
TAGS_SOURCE = ("Canton Fair 2025", "Canton Fair 2024", "Light + Building 2024",
               "Alibaba inquiry", "Website inquiry", "Referral")  # fmt: skip
TAGS_KIND = ("Distributor", "Wholesaler", "Retail chain", "Project contractor", "OEM",
             "Importer")  # fmt: skip
TAGS_EXTRA = ("Samples sent", "Price sensitive", "Pays by L/C", "Needs UL", "Needs CE")

PRODUCTS = (
    "600×600 LED panel 40 W", "LED high bay 150 W", "solar street light 60 W",
    "T8 LED tube 18 W", "LED flood light 100 W", "solar garden light", "24 V LED strip",
    "emergency exit sign", "LED downlight 12 W", "tri-proof batten 1.5 m",
)  # fmt: skip
PORTS = ("Ningbo", "Shenzhen Yantian", "Shanghai", "Guangzhou Nansha", "Xiamen")

FOLLOW_UPS_EN = (
    ("email", "Sent quotation for {qty} pcs {product}, FOB {port}."),
    ("email", "Buyer asked for CE and RoHS certificates; sent both."),
    ("message", "Samples of {product} arrived by DHL; they test them next week."),
    ("call", "Our price is about 8% above their current supplier; offered free spare drivers."),
    ("meeting", "Met at our booth at Canton Fair; interested in {product}."),
    ("call", "Video call about OEM packaging with their logo; artwork to follow."),
    ("email", "PI sent for a trial order of {qty} pcs {product}, 30% deposit by T/T."),
    ("message", "WhatsApp: buyer confirmed colour temperature 4000 K and 5-year warranty."),
    ("note", "Container loaded at {port}; B/L draft sent for checking."),
    ("call", "Asked about lead time: they need the goods within 45 days."),
)  # fmt: skip
FOLLOW_UPS_ZH = (
    ("email", "客户询问{product}的价格，已报价 {qty} 件，FOB {port}。"),
    ("message", "已寄样品（{product}），客户下周测试。"),
    ("email", "客户要求提供 CE 和 RoHS 证书，已发送。"),
    ("call", "电话沟通交期，客户希望 45 天内出货。"),
    ("note", "客户对价格敏感，下次报价可给 3% 折扣。"),
    ("meeting", "广交会展位见面，客户对{product}感兴趣。"),
)  # fmt: skip

COMPANY_NOTES = (
    "Pays 30% deposit, balance against copy of B/L.",
    "Prefers shipment via {port}; forwarder is their own.",
    "Buys twice a year, before spring and before autumn.",
    "Found us on Alibaba; compares with three other suppliers.",
    "Needs their own brand on packaging (OEM).",
    "老客户，付款准时。",
    "价格敏感，注意竞争对手报价。",
    "",
    "",
    "",
)  # fmt: skip


# --- generation -----------------------------------------------------------------------------

_FOLD = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "ł": "l", "ı": "i", "đ": "d",
                       "œ": "oe", "'": "", "’": ""})  # fmt: skip
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def ascii_fold(text: str, *, umlauts: bool = False) -> str:
    """Lower-case ASCII for an address: Jürgen Weiß → juergen weiss (the German
    habit, with ``umlauts``) or jurgen weiss."""
    text = text.lower()
    if umlauts:
        text = text.translate(_UMLAUTS)
    text = text.translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch) and ch.isascii())


def _slug(text: str, *, keep_accents: bool, umlauts: bool) -> str:
    text = text.lower().replace("&", " ").replace("+", " ")
    if not keep_accents:
        text = ascii_fold(text, umlauts=umlauts)
    else:
        text = text.replace("'", "")
    words = ["".join(ch for ch in word if ch.isalnum()) for word in text.split()]
    return "-".join(w for w in words if w)[:40].strip("-")


def _vary_number(rng: random.Random, region: str, kind: PhoneNumberType):
    """A valid number of ``region`` near its published example number."""
    example = phonenumbers.example_number_for_type(region, kind)
    if example is None:
        example = phonenumbers.example_number(region)
    national = str(example.national_number)
    for _attempt in range(30):
        tail = "".join(rng.choice("0123456789") for _ in range(3))
        candidate = phonenumbers.PhoneNumber(
            country_code=example.country_code,
            national_number=int(national[:-3] + tail),
            italian_leading_zero=example.italian_leading_zero,
        )
        if phonenumbers.is_valid_number_for_region(candidate, region):
            return candidate
    return example


def _typed_phone(rng: random.Random, number) -> str:
    """How people write numbers: "+49 30 123456", "030 123456" or "+4930123456"."""
    style = rng.random()
    if style < 0.55:
        return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    if style < 0.85:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


class _Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.names: set[str] = set()
        self.domains: set[str] = set()

    # people
    def person(self, profile: Profile) -> tuple[str, str, str]:
        """(name as shown, given name for the address, family name for the address)."""
        rng = self.rng
        if profile.people:
            shown, latin = rng.choice(profile.people)
            given, _sep, family = latin.rpartition(" ")
            return shown, given or family, family or given
        given, family = rng.choice(profile.given), rng.choice(profile.family)
        return f"{given} {family}", given, family

    def local_part(self, profile: Profile, given: str, family: str) -> str:
        g = ascii_fold(given, umlauts=profile.fold_umlauts).replace(" ", "").replace("-", "")
        f = ascii_fold(family, umlauts=profile.fold_umlauts).replace(" ", "").replace("-", "")
        return self.rng.choice((f"{g}.{f}", f"{g[0]}.{f}", f"{g}", f"{g[0]}{f}", f"{g}.{f}"))

    # companies
    def company_name(self, profile: Profile, legal_forms, cities) -> tuple[str, list[str], str]:
        """(legal name, other names, the words the web domain is made of)."""
        rng = self.rng
        for _attempt in range(50):
            if profile.native_names:
                shown, second = rng.choice(profile.native_names)
                if profile.language == "ar":
                    # The Latin name is the legal one; the Arabic one is how it is also known.
                    names = (f"{shown} {rng.choice(legal_forms)}".strip(), [second])
                    base = shown
                else:
                    names, base = (shown, [second]), second
            else:
                template = rng.choice(profile.templates)
                family = rng.choice(profile.family) if profile.family else ""
                family2 = rng.choice([f for f in profile.family if f != family] or [family])
                stem = template.format(
                    F=family,
                    F2=family2,
                    W=rng.choice(profile.words or ("Lighting",)),
                    B=rng.choice(profile.brands or ("Bright",)),
                    C=rng.choice(cities),
                )
                form = rng.choice(legal_forms)
                names = (f"{stem} {form}".strip(), [])
                base = stem
            if names[0] not in self.names:
                self.names.add(names[0])
                return names[0], names[1], base
        raise RuntimeError("The demo ran out of company names; add some to its profiles.")

    def domain(self, profile: Profile, base: str, endings, native: str) -> str:
        rng = self.rng
        keep_accents = rng.random() < profile.idn_share
        cyrillic = keep_accents and profile.language == "ru"
        source = native if cyrillic else base
        for legal_word in ("LLC", "Co., Ltd.", "Co.", "Ltd", "Ltd.", "PT ", "S.A.", "Inc."):
            source = source.replace(legal_word, " ")
        source = source.replace("ООО", " ").replace("«", " ").replace("»", " ")
        slug = _slug(source, keep_accents=keep_accents, umlauts=profile.fold_umlauts)
        ending = ".рф" if cyrillic else rng.choice(endings)
        domain = f"{slug}{ending}"
        n = 2
        while domain in self.domains:
            domain = f"{slug}{n}{ending}"
            n += 1
        self.domains.add(domain)
        return domain

    def contacts(self, profile: Profile, country: str, domain: str) -> list[DemoContact]:
        rng = self.rng
        contacts: list[DemoContact] = []
        used_names: set[str] = set()
        used_locals: set[str] = set()
        for index in range(rng.choice((2, 2, 3, 3, 3, 4))):
            shown, given, family = self.person(profile)
            while shown in used_names:
                shown, given, family = self.person(profile)
            used_names.add(shown)
            local = self.local_part(profile, given, family)
            while local in used_locals:
                local = f"{local}{rng.randint(2, 9)}"
            used_locals.add(local)
            language = profile.language if rng.random() < 0.7 else "en"
            channels: list[tuple[str, str]] = []
            if index == 0 or rng.random() < 0.85:
                channels.append(("email", f"{local}@{domain}"))
            if rng.random() < 0.12 or not channels:
                mailbox = rng.choice(FREE_MAIL.get(country, FREE_MAIL_DEFAULT))
                channels.append(
                    ("email", f"{local.replace('.', '')}{rng.randint(60, 99)}@{mailbox}")
                )
            mobile = _vary_number(rng, country, PhoneNumberType.MOBILE)
            if rng.random() < 0.45:
                office = _vary_number(rng, country, PhoneNumberType.FIXED_LINE)
                channels.append(("phone", _typed_phone(rng, office)))
            if rng.random() < 0.7 or len(channels) < 2:
                channels.append(("phone", _typed_phone(rng, mobile)))
            if rng.random() < 0.3:
                channels.append(
                    ("whatsapp", phonenumbers.format_number(mobile, PhoneNumberFormat.E164))
                )
            if profile.people and profile.language in ("zh-hans", "en") and rng.random() < 0.3:
                channels.append(
                    ("wechat", f"{ascii_fold(given).replace(' ', '')}{rng.randint(10, 99)}")
                )
            if rng.random() < 0.08:
                slug = _slug(f"{given} {family}", keep_accents=False, umlauts=False)
                channels.append(("linkedin", f"linkedin.com/in/{slug}-{rng.randint(1000, 9999)}"))
            contact = DemoContact(
                name=shown,
                title=rng.choice(profile.titles or EN_TITLES),
                language=language,
                channels=channels,
            )
            if rng.random() < 0.25:
                contact.verified.append(0)
            if len(channels) > 2 and rng.random() < 0.06:
                contact.retired.append(len(channels) - 1)
            contacts.append(contact)
        if len(contacts) > 2 and rng.random() < 0.1:
            contacts[-1].left = True
        return contacts

    def follow_ups(self, contacts: list[DemoContact], *, owned: bool) -> list[DemoFollowUp]:
        rng = self.rng
        count = rng.choice((0, 1, 2, 2, 3, 4)) if owned else rng.choice((0, 1, 2))
        # The latest touch: recent for owned customers (a few close to the pool
        # deadline), long ago for those that went back to the pool.
        latest = rng.uniform(0.2, 27.5) if owned else rng.uniform(35, 200)
        result = []
        for n in range(count):
            kind, text = rng.choice(FOLLOW_UPS_EN if rng.random() < 0.6 else FOLLOW_UPS_ZH)
            summary = text.format(
                qty=rng.choice((200, 500, 1000, 2000, 5000)),
                product=rng.choice(PRODUCTS),
                port=rng.choice(PORTS),
            )
            contact = rng.randrange(len(contacts)) if contacts and rng.random() < 0.8 else None
            result.append(DemoFollowUp(latest + n * rng.uniform(5, 40), kind, summary, contact))
        return result


def _pick_tags(rng: random.Random) -> list[str]:
    tags = {rng.choice(TAGS_PRODUCT[:2]) if rng.random() < 0.7 else rng.choice(TAGS_PRODUCT)}
    if rng.random() < 0.7:
        tags.add(rng.choice(TAGS_SOURCE))
    if rng.random() < 0.6:
        tags.add(rng.choice(TAGS_KIND))
    if rng.random() < 0.25:
        tags.add(rng.choice(TAGS_EXTRA))
    return sorted(tags)


def demo_companies(seed: int = DEMO_SEED, count: int = DEMO_COMPANY_COUNT) -> list[DemoCompany]:
    """The demo's buyers: the same list for the same seed. Every country appears
    at least once; the rest follow the countries' weights."""
    gen = _Generator(seed)
    rng = gen.rng
    countries = list(COUNTRIES)
    picks = countries[:count] + rng.choices(
        countries, weights=[c[1] for c in countries], k=max(0, count - len(countries))
    )
    rng.shuffle(picks)
    companies = []
    for code, _weight, profile_key, forms, endings, currency, cities, rep in picks:
        profile = PROFILES[profile_key]
        legal_name, other_names, base = gen.company_name(profile, forms, cities)
        native = legal_name
        domain = gen.domain(profile, base, endings, native)
        contacts = gen.contacts(profile, code, domain)
        roll = rng.random()
        grade = "A" if roll < 0.15 else "B" if roll < 0.6 else "C"
        roll = rng.random()
        if roll < 0.15:
            owner, status = None, rng.choice(("prospect", "dormant", "dormant", "lost"))
        else:
            owner = MANAGER if (grade == "A" and rng.random() < 0.3) else rep
            status = rng.choice(("active", "active", "prospect", "prospect", "dormant"))
        shared = []
        if owner in SALES_REPS and rng.random() < 0.06:
            shared = [rng.choice([r for r in SALES_REPS if r != owner])]
        document_language = profile.language if rng.random() < 0.3 else "en"
        if currency in ("EUR", "GBP") and rng.random() < 0.25:
            currency = "USD"
        companies.append(
            DemoCompany(
                legal_name=legal_name,
                country=code,
                other_names=other_names,
                website=rng.choice((f"https://www.{domain}", f"www.{domain}", domain, "")),
                currency=currency,
                document_language=document_language,
                grade=grade,
                status=status,
                tags=_pick_tags(rng),
                notes=rng.choice(COMPANY_NOTES).format(port=rng.choice(PORTS)),
                owner=owner,
                entered_by=owner or rep,
                shared_with=shared,
                contacts=contacts,
                follow_ups=gen.follow_ups(contacts, owned=owner is not None),
                address=postal_address(code, seed=seed, company=legal_name),
            )
        )
    return companies

"""Everything staff are told about the data, in Dutch: one place to read and reword it.

Each message names what is wrong and ends with "Verwacht: ..." (what to type instead).
The code that finds a problem fills in the {placeholders}; `make check`, `make build`,
`make serve` and CONTRIBUTING.md show the result (tests/test_bad_input.py holds the table
of mistakes and the message each gets). Messages from the models are pydantic message
templates: the same {placeholders}, no full stop at the end (validation.py adds it).
"""

# ---------------------------------------------------------------- the report (problems.py, check.py)

REPORT_HEADING = "De data bevat {count} {noun}. De site is niet gebouwd."
ONE_PROBLEM, PROBLEMS = "probleem", "problemen"
REPORT_FOOTER = "Uitleg bij elke melding: zie CONTRIBUTING.md."
AT_LINE = "{file}, regel {line}"
IN_FIELD = "veld '{field}'"
DATA_IS_FINE = "De data is in orde: {count} opgaven."

# How a record in a list is called, by the key of that list ("opgave 'arbeidsmarkt'").
RECORD_NAMES = {
    "opgaven": "opgave",
    "jaren": "jaar",
    "groepen": "groep",
    "regels": "begrotingsregel",
    "organisaties": "organisatie",
    "begrippen": "begrip",
    "programmas": "programma",
    "fondsen": "fonds",
}
RECORD = "{name} '{key}'"
RECORD_BY_NUMBER = "{name} nr. {number}"
ANY_RECORD = "regel"  # a record in a list RECORD_NAMES does not know

# ---------------------------------------------------------------- reading a file (loader.py)

FILE_MISSING = "het bestand ontbreekt. Verwacht: een YAML-bestand op deze plek."
FILE_TOO_LARGE = ("het bestand is te groot ({size} bytes; de grens is {limit}). "
                  "Verwacht: een gewoon tekstbestand met de inhoud van het programma.")
NOT_UTF8 = "het bestand bevat tekens die geen UTF-8 zijn (byte {byte}). Verwacht: sla het bestand op als UTF-8."
FILE_EMPTY = "het bestand is leeg. Verwacht: de gegevens in YAML."
CONTROL_CHARACTER = ("het bestand bevat een onzichtbaar stuurteken (code {code}). "
                     "Verwacht: alleen gewone tekst; typ de regel opnieuw of kopieer hem zonder opmaak.")
NOT_YAML = "dit is geen geldige YAML. Verwacht: de opbouw uit CONTRIBUTING.md; let op inspringen, dubbele punten en aanhalingstekens."
TAB_INDENT = "de regel springt in met een tab. Verwacht: inspringen met spaties (YAML staat geen tabs toe)."
TAB_AFTER_DASH = ("na het streepje (-) staat een tab. Verwacht: een spatie na het streepje, "
                  "dus '- Tekst' (YAML staat geen tabs toe).")
TOO_DEEP = ("de gegevens zijn hier te diep in elkaar genest (meer dan {depth} niveaus), of een "
            "blok verwijst via & en * naar zichzelf. Verwacht: de opbouw uit CONTRIBUTING.md, zonder & en *.")
TOO_MANY_NODES = ("het bestand is te groot of verwijst te vaak naar zichzelf (YAML-aliassen). "
                  "Verwacht: schrijf elke tekst gewoon uit, zonder & en *.")
TAG_NOT_ALLOWED = "de YAML-tag '{tag}' is niet toegestaan. Verwacht: gewone tekst, getallen en lijsten, zonder '!'."
NO_SUCH_DATE = ("de waarde '{value}' lijkt op een datum, maar die bestaat niet. "
                "Verwacht: een echte datum als JJJJ-MM-DD, of tekst tussen aanhalingstekens.")
GLUED_ITEM = ("deze regel begint met '- ' en lijkt een nieuw punt van de lijst, maar hij springt "
              "verder in dan het streepje van de regel erboven. Daardoor plakt YAML hem vast aan "
              "de tekst van regel {line}. Verwacht: zet het streepje precies onder het "
              "streepje van de regel erboven. Hoort het streepje bij de tekst, zet het dan niet "
              "vooraan op de regel.")
MERGE_NOT_ALLOWED = "samenvoegen met '<<' is niet toegestaan. Verwacht: schrijf de velden uit."
NOT_A_KEY = "'{key}' kan geen sleutel zijn. Verwacht: een sleutel is een woord, zoals 'titel'."
DUPLICATE_KEY = ("de sleutel '{key}' staat twee keer in hetzelfde blok (eerst op regel {first}). "
                 "Verwacht: elke sleutel één keer; YAML zou de eerste stil weggooien.")

# YAML syntax errors. What PyYAML's (English) description means for someone editing the
# file, found by a fragment of it: (fragment, what is wrong, what is expected, whether to
# point at where the construct began rather than where PyYAML noticed it).
SYNTAX_ERROR = "dit is geen geldige YAML: {what}. Verwacht: {expected}."
# PyYAML's own (English) description never reaches staff: this is said instead.
SYNTAX_ERROR_UNKNOWN = ("dit is geen geldige YAML. Verwacht: let op inspringen (spaties, even ver als de "
                        "regels van hetzelfde blok), dubbele punten en aanhalingstekens.")
SYNTAX_HINTS = (
    ("mapping values are not allowed",
     "er staat een dubbele punt (:) op een plek waar YAML dat niet verwacht. Meestal staat er "
     "een dubbele punt in een tekst, of springt een regel verder in dan de regel erboven",
     "zet een tekst met een dubbele punt tussen aanhalingstekens, en laat sleutels in hetzelfde "
     "blok even ver inspringen", False),
    ("end of stream",
     "een tekst tussen aanhalingstekens wordt niet afgesloten",
     "sluit de tekst af met hetzelfde aanhalingsteken (' of \") als waarmee hij begint", True),
    ("did not find expected key",
     "de inspringing klopt niet: deze regel springt minder ver in dan de regels van zijn blok",
     "sleutels in hetzelfde blok springen precies even ver in (met spaties)", False),
    ("did not find expected '-' indicator",
     "de inspringing van een lijst klopt niet",
     "elke regel van een lijst begint met '- ' en springt even ver in als de regels erboven", False),
    ("could not find expected ':'",
     "een sleutel zonder dubbele punt, of een tekst die op een nieuwe regel doorloopt zonder "
     "verder in te springen",
     "'sleutel: waarde'; loopt een tekst door op de volgende regel, spring die regel dan verder in", True),
    ("undefined alias",
     "een * verwijst naar een anker (&) dat niet bestaat",
     "schrijf de tekst gewoon uit, zonder & en *", False),
    ("another document",
     "het bestand bevat meer dan één YAML-document (een regel met ---)",
     "één document per bestand: haal de regel met --- weg", False),
    ("cannot start any token",
     "een waarde begint met een teken dat in YAML een betekenis heeft, zoals @, ` of %",
     "zet de tekst tussen aanhalingstekens", False),
    ("unknown escape character",
     "een \\ (backslash) in een tekst tussen dubbele aanhalingstekens",
     "gebruik enkele aanhalingstekens (') rond een tekst met een \\", False),
    ("did not find expected ','",
     "een lijst [ ... ] of blok { ... } op één regel wordt niet goed afgesloten",
     "sluit met ] of }, of schrijf de lijst uit met een '- ' per regel", True),
    ("duplicate anchor",
     "hetzelfde anker (&) staat twee keer in het bestand",
     "schrijf de tekst gewoon uit, zonder & en *", False),
)
# A field typed less far in than the fields of its record, inside a list of records,
# makes PyYAML miss a '-'; the hint above would then wrongly suggest adding one.
UNDERINDENTED_FIELD = (
    "de regel springt minder ver in dan de velden van zijn blok",
    "zet de regel precies even ver in als het veld erboven (met spaties)",
)
RUNAWAY_QUOTE = ("dit is geen geldige YAML: de tekst tussen aanhalingstekens op deze regel wordt niet afgesloten, "
                 "dus leest YAML alles tot regel {end} als één tekst. "
                 "Verwacht: sluit de tekst af met hetzelfde aanhalingsteken (' of \") als waarmee hij begint.")
THE_LINE_IS = " De regel is: «{line}»"
# Syntax errors recognised by the line itself (loader.py), told before the hints above.
NO_BUDGET_DASH = ("na 'bedrag:' staat een streepje. In het programma betekent '-' geen budget, maar in "
                  "YAML begint een streepje een lijst. Verwacht: bedrag: geen")
DASH_AS_VALUE = ("na '{key}:' staat alleen een streepje; in YAML begint een streepje een lijst. "
                 "Verwacht: de waarde zelf, of zet het streepje tussen aanhalingstekens: {key}: \"-\"")
QUOTED_START = ("de tekst begint met een aanhalingsteken ({quote}), en YAML leest dan alleen {quoted} als de "
                "tekst; wat erna komt past niet. Verwacht: zet de hele tekst tussen dubbele aanhalingstekens, "
                "dus {example}, of zet >- na het streepje en de tekst op de regel eronder")
ITEM_UNDERINDENTED = ("deze regel begint met '- ' maar springt minder ver in dan de lijst waar hij in "
                      "staat. Verwacht: zet het streepje precies onder het streepje van regel {line} "
                      "({column} spaties vanaf de kantlijn)")

# ---------------------------------------------------------------- the models (validation.py)

MISSING = "dit veld ontbreekt. Verwacht: dit veld is verplicht."
UNKNOWN_FIELD = "dit veld bestaat niet.{hint} Verwacht een van: {known}."
UNKNOWN_FIELD_NO_FIELDS = "dit veld bestaat niet. Verwacht: haal het weg (zie CONTRIBUTING.md voor de velden)."
DID_YOU_MEAN = " Bedoel je '{guess}'?"
LIST_EXPECTED = "verwacht een lijst (regels die beginnen met '- '), maar er staat {given}."
BLOCK_EXPECTED = "verwacht een blok met velden (sleutel: waarde), maar er staat {given}."
TEXT_EXPECTED = "verwacht tekst, maar er staat {given}. Zet de tekst eventueel tussen aanhalingstekens."
LIST_EMPTY = "deze lijst is leeg. Verwacht: minstens één regel."
FIELD_EMPTY = "dit veld is leeg. Verwacht: tekst."
TEXT_TOO_LONG = ("deze tekst is te lang: {length} tekens. Verwacht: hoogstens {limit} tekens; "
                 "zet een lange uitleg in een alinea of toelichting, niet in een titel.")
NOT_A_SLUG = ("'{given}' is geen geldige slug. Verwacht: kleine letters (a-z), cijfers en "
              "streepjes, zonder spaties, zoals 'economische-kracht'.")
AMOUNT_EXPECTED = ("verwacht een heel bedrag in euro's (alleen cijfers, zonder punt, komma of €), "
                   "maar er staat {given}.")
NEGATIVE = "dit getal mag niet negatief zijn, maar er staat {given}. Verwacht: 0 of meer."
TOO_SMALL = "dit getal is te klein: er staat {given}. Verwacht: minstens {bound}."
TOO_LARGE = "dit getal is te groot: er staat {given}. Verwacht: hoogstens {bound}."
NOT_GREATER = "er staat {given}. Verwacht: een getal groter dan {bound}."
NOT_SMALLER = "er staat {given}. Verwacht: een getal kleiner dan {bound}."
YES_NO_EXPECTED = "verwacht ja of nee (true/false), maar er staat {given}."
DATE_EXPECTED = "verwacht een datum als JJJJ-MM-DD, maar er staat {given}."
ONE_OF = "verwacht een van: {expected}, maar er staat {given}."
COLON_IN_TEXT = ("de tekst '{typed}' bevat een dubbele punt met een spatie (': '). Daardoor leest "
                 "YAML hem als een veld met een waarde. Verwacht: zet de hele tekst tussen dubbele "
                 "aanhalingstekens, dus {example}, of gebruik >- en zet de tekst op de regel eronder.")
DUPLICATE_VALUE = ("de {key} '{value}' komt vaker voor (ook bij {name} nr. {first}, "
                   "regel {first_line}). Verwacht: elke {key} maar één keer.")
# How a given value is described in the messages above ("maar er staat ...").
NOTHING = "niets"
GIVEN_YES_NO = "ja/nee"
GIVEN_TEXT = "de tekst '{text}'"
GIVEN_NUMBER = "het getal {number}"
GIVEN_LIST = "een lijst"
GIVEN_BLOCK = "een blok met velden"

# Our own checks in the models (pydantic message templates).
AMOUNT_EMPTY = ("hier staat geen bedrag. Verwacht: een heel bedrag in euro's, of 'geen' als er geen "
                "budget is (in het programma staat dan een streepje)")
AMOUNT_DECIMAL = ("verwacht een heel bedrag in euro's zonder punt of komma (dus 12000, niet 12.000), "
                  "maar er staat een getal met een punt of komma")
AMOUNT_TEXT = ("verwacht een heel bedrag in euro's (alleen cijfers, zonder punt, komma of €) of het "
               "woord 'geen', maar er staat de tekst '{text}'")
GROUP_KIND = ("een groep heeft óf een 'titel' óf een 'opgave' (de id van een opgave), maar deze groep "
              "heeft {found}. Verwacht: {fix}")
GROUP_HAS_BOTH, GROUP_HAS_NEITHER = "allebei", "geen van beide"
REMOVE_ONE, ADD_ONE = "haal er één weg", "voeg er één toe"
MIXED_GROUPS = ("in één jaar zijn alle groepen een opgave, of geen enkele. Verwacht: geef elke groep "
                "van dit jaar een 'opgave', of geef elke groep een 'titel'")
DUPLICATE_OPGAVE_GROUP = "de opgave '{opgave}' heeft in dit jaar twee groepen. Verwacht: één groep per opgave"
DUPLICATE_LINE = ("de id '{id}' komt in dit jaar vaker voor. Verwacht: elke regel een eigen id "
                  "binnen een jaar (dezelfde id in een ander jaar betekent: dezelfde regel)")
TOTAL_MISMATCH = ("de regels van {year} tellen samen op tot {computed}, maar het vastgestelde totaal is "
                  "{adopted} ({difference} verschil). Verwacht: dezelfde som. Vergelijk elk bedrag "
                  "met het programma")
THIS_YEAR = "dit jaar"
LAYOUT_NOTE_NOT_QUOTED = ("bij {year} staat in 'over_de_indeling' een zin die niet in de inleiding staat: "
                          "'{note}'. Verwacht: een zin die woord voor woord in 'inleiding › alineas' staat")
YEARS_ORDER = ("de jaren staan niet van oud naar nieuw, of een jaar staat er twee keer in "
               "(nu: {years}). Verwacht: elk jaar één keer, het oudste eerst")
DUPLICATE_ABBREVIATION = "de afkorting '{term}' komt vaker voor. Verwacht: elke afkorting maar één keer"
DUPLICATE_ID = "de id '{id}' komt vaker voor. Verwacht: elke id maar één keer"
DUPLICATE_NAME = ("de naam '{name}' hoort bij twee {plural}: '{first}' en '{second}'. "
                  "Verwacht: elke naam bij maar één {singular}")
DUPLICATE = "de {label} '{value}' komt vaker voor. Verwacht: elke {label} maar één keer"
# A section added after adoption (macros/data/additions.py): older data may lack it, today's may not.
SECTION_MISSING = ("het onderdeel '{heading}' ontbreekt. Verwacht: elke opgave heeft dit onderdeel, met minstens "
                   "één regel tekst")
SECTION_EXPLANATION_MISSING = ("de uitleg bij het onderdeel '{heading}' ontbreekt. Verwacht: een tekst die zegt wat "
                               "er in dit onderdeel van elke opgave staat")
HEADING_MISSING = ("de activiteiten staan in meer dan één groep, maar groep nr. {groups} heeft geen 'kop'. "
                   "Verwacht: bij meer dan één groep heeft elke groep een 'kop'")
RESERVED_ID = "de id '{id}' is al het anker van een kop op de pagina. Verwacht: een andere id"
NOTE_MULTILINE = "de toelichting staat op meer dan één regel. Verwacht: één korte regel tekst"
STATUS_MISSING = ("een 'datum' of 'toelichting' hoort bij een status. "
                  "Verwacht: vul ook 'status' in (gepland, lopend of afgerond), of haal ze weg")
DATE_MISSING = "bij een status hoort een datum. Verwacht: 'datum' als JJJJ-MM-DD, zoals 2025-03-01"
ACTIVITY_TOO_SHALLOW = ("hier staat de tekst '{text}' als een groep activiteiten, maar een groep is een blok "
                        "met 'items' (en 'kop'). Verwacht: is het een activiteit, spring dan verder in: zet het "
                        "streepje precies onder de streepjes van de activiteiten erboven (onder 'items:')")
TEXT_OR_BLOCK = "verwacht tekst, of een blok met 'tekst' en '{key}', maar er staat {given}"

# The contact details the province supplies (models/contact.py). {given} is what was typed.
CONTACT_EMPTY = ("dit veld is leeg. Verwacht: het gegeven dat hier hoort, of INVULLEN zolang de "
                 "provincie het nog niet heeft gegeven")
CONTACT_EMAIL = ("'{given}' is geen e-mailadres. Verwacht: een adres als toegankelijkheid@drenthe.nl, "
                 "of INVULLEN zolang het nog niet bekend is")
CONTACT_PHONE = ("'{given}' is geen telefoonnummer. Verwacht: cijfers met eventueel spaties, +, - of "
                 "haakjes, zoals 0592 36 55 55, of INVULLEN zolang het nog niet bekend is")
CONTACT_HTTPS = ("'{given}' is geen webadres dat met https:// begint. Verwacht: het hele adres van de "
                 "pagina, zoals https://www.provincie.drenthe.nl/klachten, of INVULLEN zolang het nog "
                 "niet bekend is")
CONTACT_SECURITY = ("'{given}' is geen adres voor meldingen over beveiliging. Verwacht: mailto: met een "
                    "e-mailadres, zoals mailto:security@drenthe.nl, of een webadres dat met https:// "
                    "begint, of INVULLEN zolang het nog niet bekend is")
CONTACT_WORKING_DAYS = ("'{given}' is geen aantal werkdagen. Verwacht: een heel getal van 1 tot en met "
                        "{most}, zoals 5, of INVULLEN zolang het nog niet bekend is")

# ---------------------------------------------------------------- a wrong total (budget_changes.py)

CHANGED_AMOUNT = "{where} (begrotingsregel '{id}': was {before}, nu {after})"
NEW_LINE = "{where} (begrotingsregel '{id}' is nieuw: {amount})"
REMOVED_LINE = "begrotingsregel '{id}' is weggehaald (was {amount})"
AT_BUDGET_LINE = "regel {line}"
AMOUNTS_CHANGED = "Sinds {since} {changed} van {year}: {changes}. Kijk {which} eerst na."
AMOUNT_CHANGED_ONE, AMOUNTS_CHANGED_MANY = "veranderde dit bedrag", "veranderden deze bedragen"
THAT_AMOUNT, THOSE_AMOUNTS = "dat bedrag", "die bedragen"
NO_AMOUNT_CHANGED = "Geen bedrag van {year} is anders dan in {since}."
TOTAL_CHANGED = " Het vastgestelde totaal wel: dat was {total}."
SINCE_LAST_COMMIT, SINCE_PREVIOUS_COMMIT = "de laatste commit", "de vorige commit"
NO_BUDGET = "geen budget"

# ---------------------------------------------------------------- references between files (view/)

NO_GROUP_FOR_OPGAVE = ("de opgave '{opgave}' heeft geen groep in de begroting van {year}. "
                       "Verwacht: een groep met 'opgave: {opgave}' en haar regels. Heeft de opgave "
                       "geen budget, geef de regel dan 'bedrag: geen'.")
NO_SUCH_OPGAVE = "de opgave '{opgave}' bestaat niet in data/opgaven.yaml.{hint} Verwacht een van: {known}."
NO_SUCH_ID = "{article} {noun} '{value}' staat niet in {file}.{hint} Verwacht: de id van een {noun} daar."
NO_SUCH_NAME = ("'{text}' staat niet in {files}.{hint} "
                "Verwacht: precies een naam, afkorting of 'ook_genoemd_als' uit dat bestand, "
                "of een blok met 'tekst' en {keys} (een lijst met id's) als de regel meer noemt "
                "of het anders zegt.")
# How an entry of each index is named in the messages: article, noun, "this ...".
ENTRY_WORDS = {
    "organisaties": ("de", "organisatie", "deze organisatie"),
    "programmas": ("het", "programma", "dit programma"),
    "fondsen": ("het", "fonds", "dit fonds"),
}
IN_LIST = "{file} (lijst '{key}')"
EITHER_KEY = " en/of "
NAMED_NOWHERE = ("niets op de site noemt {this} (geen opgave, geen tekst, geen budgetpost), dus "
                 "de overzichtspagina zou een lege vermelding tonen. Verwacht: een opgave noemt "
                 "'{id}' (met de naam, of met '{key}: [{id}]'), of haal '{id}' hier weg.")

# ---------------------------------------------------------------- contact details still to come (contact.py)

# A warning, not a problem: the site is built, and says on its pages that the detail follows.
CONTACT_NOT_FILLED = ("Let op: data/programma.yaml, veld 'contact › {key}' is nog niet ingevuld "
                      "(er staat {placeholder}). Verwacht: {expected}. Tot dan staat op de site dat "
                      "dit gegeven nog volgt.")
CONTACT_NOT_THERE = ("Let op: data/programma.yaml heeft nog geen veld 'contact › {key}'. Verwacht: "
                     "{expected} (zie CONTRIBUTING.md, 'Contactgegevens invullen'). Tot dan staat op de "
                     "site dat dit gegeven nog volgt.")
NO_SECURITY_TXT = " Zolang dit ontbreekt, maakt de build geen /.well-known/security.txt."
# What each field expects, in the warnings above.
CONTACT_EXPECTED = {
    "e_mail": "het e-mailadres waar lezers een probleem met de toegankelijkheid melden",
    "telefoon": "het telefoonnummer voor vragen over de site",
    "reactietermijn_werkdagen": "binnen hoeveel werkdagen iemand antwoord krijgt (een heel getal)",
    "klachtenregeling": "het webadres (https://) van de klachtenregeling van de provincie",
    "beveiliging": ("waar iemand een beveiligingsprobleem meldt: mailto: met een e-mailadres, "
                    "of een https://-adres"),
}

# ---------------------------------------------------------------- earlier versions (revisions.py)

ADOPTED_FOLDER_MISSING = "De map {folder} met het vastgestelde programma ontbreekt."
NO_DATA_FOLDER = "In '{revision}' staat geen map data/."
GIT_MISSING = "git is niet gevonden ({error}). Installeer git."
UNKNOWN_REVISION = ("git kent '{revision}' niet: {reason}. "
                    "Geef een branch, tag of commit, of 'vastgesteld' voor het vastgestelde programma.")
UNKNOWN_VERSION = "onbekende versie"
ADOPTED_PROGRAMME = "het vastgestelde programma (bron/vastgesteld/)"

# ---------------------------------------------------------------- editor schemas (schema.py)

SCHEMAS_STALE = "Deze schema's kloppen niet meer met de modellen: {names}. Maak ze opnieuw met: make schema"
SCHEMAS_UP_TO_DATE = "De schema's zijn bij."
SCHEMA_UPDATED = "Bijgewerkt: {path}"
SCHEMA_REMOVED = "Verwijderd: {path}"
SEARCH_WORD = ("het zoekwoord '{given}' is geen gewoon woord. Verwacht: één of een paar woorden van 2 tot 40 tekens, "
               "alleen letters, cijfers, spaties, streepjes en apostroffen (zoals 'banen' of 'start-ups')")
SEARCH_WORD_TWICE = "het zoekwoord '{given}' staat er twee keer. Verwacht: elk zoekwoord één keer"

# ---------------------------------------------------------------- content rules (content_rules.py)

UNKNOWN_ABBREVIATION = ("'{word}' ziet eruit als een afkorting, maar staat niet in data/begrippen.yaml{more}. "
                        "Verwacht: voeg '{word}' toe aan data/begrippen.yaml (afkorting, betekenis, herkomst), "
                        "zodat lezers de betekenis zien; of schrijf het woord in gewone letters.")
ALSO_ELSEWHERE = " (ook nog {count} keer verderop)"
MEANING_NOT_IN_PROGRAMME = ("de betekenis '{meaning}' staat niet zo in het programma, maar 'herkomst' is "
                            "'programma'. Verwacht: de betekenis precies zoals in het programma, of "
                            "'herkomst: toelichting' als de redactie de betekenis heeft toegevoegd.")
TITLE_GLYPHS = ("de titel bevat {chars}: dat teken kan de voorbeeldafbeelding (bij delen op sociale media) "
                "niet tekenen. Verwacht: gewone letters, cijfers en leestekens, zonder emoji of "
                "tekens uit een ander schrift.")
DATE_OUTSIDE_PERIOD = ("de datum {date} ligt ver buiten de looptijd van het programma ({period}). "
                       "Verwacht: een datum tussen {first} en {last}. Kijk het jaartal na.")
LINE_ID_CHANGED = ("de id '{id}' staat alleen in {year}, maar in {other_year} heet een regel met dezelfde "
                   "naam '{other_id}'. Dan ziet de vergelijking één nieuwe en één vervallen regel. "
                   "Verwacht: dezelfde regel heeft in elk jaar dezelfde id ('{other_id}'); "
                   "is het echt een andere regel, geef hem dan ook een andere naam.")
GLUED_TEXTS = ("deze tekst is precies twee {items} van de vorige versie achter elkaar ('{first}' en "
               "'{second}'). Meestal is dan de regel '- >-' of '- ' van de tweede weggevallen. "
               "Verwacht: elke {item} op een eigen regel die met '- ' begint; wil je ze echt samenvoegen, "
               "herschrijf de tekst dan tot één zin.")
ITEM_WORDS = {  # the list a text is in: (one, several)
    "items": ("activiteit", "activiteiten"),
    "resultaten": ("resultaat", "resultaten"),
}
ANY_ITEM_WORDS = ("regel", "regels")

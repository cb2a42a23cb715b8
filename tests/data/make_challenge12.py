#!/usr/bin/env python3
"""Challenge set 12: a blind evaluation set for the NRP label (nationality, ethnicity, religion, political
affiliation stated about a person), 300 rows, gold spans in Unicode code points.

What it is
    A deterministic (fixed seed), stdlib-only generator that writes challenge12.jsonl next to this file:
    rows {"id": "c12-NNNN", "text", "spans": [{"start", "end", "label": "NRP"}], "label_scope": ["NRP"],
    "meta": {"kind", "polarity", "lang", "template"}}. label_scope is ["NRP"]: names, places, dates and
    organisations do occur in the texts but are neither gold nor penalised (the scorer drops predictions of
    other labels on these rows).

Written blind
    Only shared/eval/TAXONOMY.md, shared/eval/README.md, shared/eval/score.py and the layout of
    make_challenge10.py were read. No detector source was looked at and the detector was not run; the
    templates and word lists are new.

How gold is recorded
    Each template marks a gold mention with g("..."), which wraps it in the private markers U+27E6/U+27E7.
    render() strips the markers and records (start, end) in code points while it walks the string, so
    offsets are never found by searching afterwards. The self-check asserts, per row, that the list of span
    texts equals the list of values passed to g() (in order), that no span starts/ends on whitespace, that
    spans do not overlap, that no marker survives, and that ids and texts are unique.

Content
    ~55 % of rows have one or more gold spans (polarity "pos", plus "mixed" rows that also hold a hard
    negative), ~45 % have none (polarity "neg"). Positives: clinical notes, HR/immigration forms, JSON /
    YAML / CSV / TSV / XML / SQL / Markdown / key=value records, social-work and legal notes, first-person
    chat, politics, multiword ethnic labels, and German, French, Spanish, Portuguese, Italian, Dutch,
    Polish, Swedish and Turkish text using those languages' own words. Negatives: nationality, religion
    and party words about products, languages, cuisines, companies, institutions, events, markets,
    currencies, history, geography, animals, idioms, statistics about populations, party-as-organisation
    news, surnames/given names that are NRP words (Christian Bauer, Jordan Black, Ms. Welsh), empty or
    undisclosed form fields - in the same languages.

Labelling decisions (TAXONOMY.md leaves these open)
    * The span is the NRP word/phrase only: "a devout Buddhist" -> "Buddhist"; "católica praticante" ->
      "católica"; "de nacionalidad peruana" -> "peruana"; "die afghanische Staatsangehörigkeit" ->
      "afghanische". Modifiers (devout, practising, lifelong, registered, strong) are outside.
    * Multiword labels are one span: "Mexican American", "Native Hawaiian", "Black Caribbean",
      "Orthodox Christian", "Jehovah's Witness", "Sunni Muslim", "Ahmadi Muslim", "Hispanic or Latino",
      "Native Hawaiian or Other Pacific Islander", "Green Party", "Parti socialiste", "Partito Democratico".
      "First Nations (Cree)" is two spans. A dual citizenship written "Canadian–Lebanese" is two spans.
    * Political affiliation: party names/nouns stated about a person are NRP ("a Green Party councillor",
      "MP (Conservative)", "Mitglied der SPD", "filiado ao PSDB"); the same party as an organisation in the
      news (Labour's manifesto, the Republican primary results, Die Grünen haben ... eingebracht) is not.
    * Form/record fields whose value is a nationality/ethnicity/religion word are NRP; a field holding a
      country name, "prefer not to say", null, blank or [REDACTED] is not, and the field label itself
      ("Nationality:", "religion") never is.
    * Statistics about populations or countries ("a Muslim-majority country", "5 % identified as Hindu",
      "the Hispanic share of the electorate") are not NRP.
    * Languages (translate into French, subtitles, locale lists) are not NRP. Rows where a language is the
      person's own attribute ("she speaks Gujarati") were left out as ambiguous, as were "-born" compounds,
      atheist/agnostic, "raised in a Catholic family", and NRP words about clergy in passing.

Usage: python3 make_challenge12.py   (writes challenge12.jsonl next to this file, self-checks, prints counts)
"""

import json
import os
import random
import sys
from collections import Counter

SEED = 1212202612
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "challenge12.jsonl")
N_ROWS = 300
N_POSITIVE = 165  # rows with >= 1 gold span (pos + mixed)

OPEN, CLOSE = "\u27e6", "\u27e7"
_intended = []  # values passed to g() for the row being built


def g(value):
    """Mark a gold NRP mention; remember what was intended."""
    assert value and value == value.strip(), repr(value)
    assert OPEN not in value and CLOSE not in value
    _intended.append(value)
    return OPEN + value + CLOSE


def render(marked):
    out, spans, i, start = [], [], 0, None
    pos = 0
    for ch in marked:
        if ch == OPEN:
            assert start is None, "nested marker"
            start = pos
        elif ch == CLOSE:
            assert start is not None, "unbalanced marker"
            spans.append((start, pos))
            start = None
        else:
            out.append(ch)
            pos += 1
    assert start is None, "unclosed marker"
    return "".join(out), spans


# =============================================================================== pools
NAMES = {
    "en": ["Amara Okafor", "Leila Haddad", "Jorge Castillo", "Mei-Ling Chou", "Aarav Mehta", "Siobhan Doyle",
           "Kwame Mensah", "Hamid Rahimi", "Lan Nguyen", "Rosa Quispe", "Dmitri Volkov", "Priya Nair",
           "Oksana Kovalenko", "Bilal Chaudhry", "Marisol Vega", "Tendai Moyo", "Kofi Boateng", "Abdi Warsame",
           "Hyun-woo Park", "Chidi Eze", "Rahel Tesfaye", "Mariam Saleh", "Noa Levi", "Harpreet Kaur",
           "Daniel Whitaker", "Grace Liu", "Samuel Adeyemi", "Fiona McAllister", "Tomás Herrera", "Anjali Rao",
           "Yusuf Osman", "Claire Dubois", "Ibrahim Diallo", "Hannah Schultz", "Keanu Kahale", "Ruth Feldman",
           "Marcus Greene", "Sunita Thapa", "Alejandro Ruiz", "Olga Petrenko", "Thabo Nkosi", "Ewa Zielińska"],
    "de": ["Jonas Becker", "Lena Hoffmann", "Mehmet Yıldız", "Anna Krüger", "Tobias Wagner", "Sabine Vogel",
           "Dragan Petrović", "Katrin Lehmann", "Ali Rahmani", "Miriam Roth"],
    "fr": ["Camille Martin", "Moussa Traoré", "Nathalie Girard", "Karim Benali", "Sophie Lambert",
           "Aminata Diop", "Julien Moreau", "Fatou Ndiaye", "Hugo Lefèvre", "Yasmina Cherif"],
    "es": ["Lucía Fernández", "Carlos Medina", "Valentina Ríos", "Andrés Gutiérrez", "María José Paredes",
           "Diego Salazar", "Carmen Ortega", "Raúl Sepúlveda", "Ximena Torres", "Iker Etxeberria"],
    "pt": ["Ana Beatriz Souza", "João Pedro Almeida", "Mariana Costa", "Rafael Oliveira", "Beatriz Lopes",
           "Tiago Ferreira", "Luana Ribeiro", "Helena Martins", "Caio Barbosa", "Inês Carvalho"],
    "it": ["Giulia Romano", "Marco Bianchi", "Francesca Greco", "Luca Esposito", "Chiara Colombo",
           "Alessandro Ricci", "Elena Marino", "Davide Conti", "Sara Gallo", "Matteo De Luca"],
    "nl": ["Sanne de Vries", "Daan Jansen", "Fleur Bakker", "Bram Visser", "Noor el Amrani", "Ruben Smit",
           "Eva Mulder", "Thijs van Dijk", "Lotte Peeters", "Yassin Boukhari"],
    "pl": ["Katarzyna Wójcik", "Piotr Kamiński", "Agnieszka Lewandowska", "Marcin Zieliński", "Joanna Dąbrowska",
           "Tomasz Nowak", "Magdalena Kaczmarek", "Paweł Szymański"],
    "sv": ["Lars Eriksson", "Elin Johansson", "Ahmed Yusuf", "Maja Lindqvist", "Oskar Nilsson",
           "Sara Berg", "Johan Holm", "Ebba Sandberg"],
    "tr": ["Elif Yılmaz", "Emre Kaya", "Zeynep Arslan", "Mehmet Demir", "Ayşe Çelik", "Burak Şahin",
           "Selin Aydın", "Hakan Öztürk"],
}
CITIES = {
    "en": ["Leeds", "Toronto", "Houston", "Melbourne", "Glasgow", "Minneapolis", "Cardiff", "Auckland",
           "Birmingham", "San Diego", "Winnipeg", "Brisbane", "Newark", "Leicester", "Calgary", "Phoenix",
           "Bristol", "Sacramento", "Halifax", "Perth", "Belfast", "Omaha", "Ottawa", "Sheffield"],
    "de": ["Bielefeld", "Leipzig", "Mannheim", "Kassel", "Freiburg", "Dortmund", "Graz", "Erfurt"],
    "fr": ["Lyon", "Lille", "Toulouse", "Nantes", "Rennes", "Grenoble", "Montpellier", "Strasbourg"],
    "es": ["Zaragoza", "Valencia", "Málaga", "Bilbao", "Murcia", "Valladolid", "Alicante", "Córdoba"],
    "pt": ["Campinas", "Recife", "Porto Alegre", "Curitiba", "Braga", "Coimbra", "Fortaleza", "Setúbal"],
    "it": ["Torino", "Bologna", "Verona", "Bari", "Padova", "Brescia", "Genova", "Parma"],
    "nl": ["Utrecht", "Eindhoven", "Tilburg", "Groningen", "Almere", "Haarlem", "Arnhem", "Zwolle"],
    "pl": ["Poznań", "Wrocław", "Lublin", "Gdańsk", "Łódź", "Białystok", "Rzeszów", "Katowice"],
    "sv": ["Malmö", "Uppsala", "Örebro", "Västerås", "Linköping", "Umeå", "Borås", "Södertälje"],
    "tr": ["Bursa", "Eskişehir", "Kayseri", "Mersin", "Samsun", "Trabzon", "Konya", "Denizli"],
}
NAT = ["Haitian", "Ghanaian", "Canadian", "Eritrean", "Filipino", "Vietnamese", "Nepali", "Bolivian", "Peruvian",
       "Somali", "Sri Lankan", "Uzbek", "Moldovan", "Latvian", "Estonian", "Icelandic", "Maltese", "Cameroonian",
       "Ivorian", "Malagasy", "Fijian", "Tongan", "Samoan", "Mongolian", "Kazakh", "Bhutanese", "Bangladeshi",
       "Pakistani", "Afghan", "Iraqi", "Yemeni", "Omani", "Jordanian", "Lebanese", "Syrian", "Palestinian",
       "Egyptian", "Libyan", "Tunisian", "Moroccan", "Algerian", "Sudanese", "Ethiopian", "Kenyan", "Ugandan",
       "Rwandan", "Tanzanian", "Zambian", "Zimbabwean", "Malawian", "Congolese", "Nigerian", "Senegalese",
       "Malian", "Guatemalan", "Honduran", "Salvadoran", "Nicaraguan", "Costa Rican", "Panamanian", "Venezuelan",
       "Ecuadorian", "Paraguayan", "Uruguayan", "Chilean", "Argentine", "Cuban", "Jamaican", "Trinidadian",
       "Barbadian", "Belizean", "Guyanese", "Surinamese", "Portuguese", "Brazilian", "Romanian", "Bulgarian",
       "Serbian", "Croatian", "Bosnian", "Albanian", "Slovak", "Czech", "Hungarian", "Polish", "Ukrainian",
       "Belarusian", "Lithuanian", "Finnish", "Norwegian", "Danish", "Swedish", "Dutch", "Belgian", "Swiss",
       "Austrian", "German", "French", "Irish", "Scottish", "Welsh", "Greek", "Cypriot", "Turkish", "Armenian",
       "Azerbaijani", "Iranian", "Indian", "Chinese", "Japanese", "South Korean", "Thai", "Cambodian",
       "Laotian", "Burmese", "Malaysian", "Indonesian", "Singaporean", "Australian", "Mexican", "American",
       "Italian", "Spanish", "British", "Emirati", "Qatari", "Kuwaiti", "Saudi", "Bahraini", "Kyrgyz",
       "Tajik", "Mauritian", "Namibian", "Botswanan", "Sierra Leonean", "Liberian", "Gambian", "Togolese",
       "Beninese", "Burkinabé", "Chadian", "Nigerien", "Dominican", "Puerto Rican", "Colombian", "Slovenian"]
ETH = ["Hispanic", "Black", "African American", "Asian", "white", "Afro-Caribbean", "South Asian", "East Asian",
       "Arab", "Hmong", "Roma", "Kurdish", "Tamil", "Yoruba", "Igbo", "Māori", "Aboriginal", "Inuit", "Navajo",
       "Cherokee", "Sámi", "Pashtun", "Hazara", "Amazigh", "Akan", "Hausa", "Fulani",
       "Chaldean", "Assyrian", "Han Chinese", "Ashkenazi Jewish", "Métis"]
ETH_F = ETH + ["Latina"]
ETH_M = ETH + ["Latino"]
MULTI = ["Native Hawaiian", "Pacific Islander", "Black Caribbean", "Black African", "White British",
         "White Irish", "Mexican American", "Cuban American", "Chinese American", "Filipino American",
         "Alaska Native", "American Indian", "Torres Strait Islander", "Aboriginal Australian", "Afro-Brazilian",
         "British Pakistani", "British Bangladeshi", "Black British", "Irish Traveller", "Arab American",
         "Indo-Caribbean", "Anglo-Indian", "Korean-American", "Vietnamese American", "Somali Canadian"]
REL_NOUN = ["Buddhist", "Catholic", "Roman Catholic", "Muslim", "Sunni Muslim", "Shia Muslim", "Hindu", "Sikh",
            "Jain", "Baptist", "Methodist", "Lutheran", "Pentecostal", "Anglican", "Presbyterian", "Mormon",
            "Quaker", "Mennonite", "Zoroastrian", "Rastafarian", "Seventh-day Adventist", "Latter-day Saint",
            "Coptic Christian", "Orthodox Christian", "Evangelical Christian", "Baháʼí", "Taoist",
            "Ismaili Muslim", "Maronite Catholic"]
REL_ADJ = REL_NOUN + ["Jewish", "Orthodox Jewish", "Greek Orthodox", "Eastern Orthodox", "Protestant", "Druze",
                      "Yazidi", "Alevi", "Reform Jewish", "Armenian Apostolic", "Coptic Orthodox"]
UK_ETH = ["White British", "White Irish", "Black Caribbean", "Black African", "Mixed White and Black Caribbean",
          "Mixed White and Asian", "British Pakistani", "British Indian", "Chinese",
          "Gypsy or Irish Traveller", "Arab", "White Polish"]
US_RACE = ["White", "Black or African American", "Asian", "American Indian or Alaska Native",
           "Native Hawaiian or Other Pacific Islander"]
JOBS = ["bus driver", "software tester", "care assistant", "chef", "electrician", "warehouse supervisor",
        "primary school teacher", "taxi driver", "pharmacist", "nurse", "welder", "accountant", "dental hygienist"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
UK_CITIES = ["Leeds", "Glasgow", "Cardiff", "Birmingham", "Leicester", "Bristol", "Belfast", "Sheffield",
             "Norwich", "Swansea", "Aberdeen", "Plymouth"]
US_CITIES = ["Houston", "Minneapolis", "San Diego", "Newark", "Phoenix", "Sacramento", "Omaha", "Tucson"]
ES_FEMALE = ["Lucía Fernández", "Valentina Ríos", "María José Paredes", "Carmen Ortega", "Ximena Torres"]
PL_MALE_SURNAMES = ["Kamiński", "Zieliński", "Nowak", "Szymański", "Wiśniewski", "Kowalczyk"]
PL_LOC = ["w Poznaniu", "we Wrocławiu", "w Lublinie", "w Gdańsku", "w Łodzi", "w Białymstoku", "w Rzeszowie",
          "w Katowicach"]
AN_EXCEPT = {"Ukrainian", "Ugandan", "Uruguayan", "Uyghur", "European", "Union"}
AN_FORCE = {"SNP", "NDP", "MP", "SDLP", "LDP", "MLA"}


class R:
    def __init__(self, rng, lang="en"):
        self.rng = rng
        self.lang = lang

    def pick(self, xs):
        return self.rng.choice(xs)

    def two(self, xs):
        return self.rng.sample(xs, 2)

    def age(self, lo=19, hi=88):
        return self.rng.randint(lo, hi)

    def n(self, lo=10, hi=9999):
        return self.rng.randint(lo, hi)

    def name(self, lang=None):
        return self.pick(NAMES[lang or self.lang])

    def sn(self, lang=None):
        return self.name(lang).split()[-1]

    def city(self, lang=None):
        return self.pick(CITIES[lang or self.lang])

    def year(self, lo=1995, hi=2023):
        return self.rng.randint(lo, hi)

    def date(self):
        return f"{self.rng.randint(1, 28)} {self.pick(MONTHS)} {self.rng.randint(2019, 2025)}"

    def isodate(self):
        return f"{self.rng.randint(2019, 2025)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"


def a(word):
    """English indefinite article for the word that follows."""
    w = word.split()[0].strip("(")
    if w in AN_EXCEPT:
        return "a"
    if w in AN_FORCE:
        return "an"
    return "an" if w[:1].lower() in "aeiou" else "a"


POS, NEG, MIX = [], [], []


def pos(kind, lang="en"):
    def deco(fn):
        POS.append((fn.__name__, kind, lang, fn))
        return fn
    return deco


def neg(kind, lang="en"):
    def deco(fn):
        NEG.append((fn.__name__, kind, lang, fn))
        return fn
    return deco


def mix(kind, lang="en"):
    def deco(fn):
        MIX.append((fn.__name__, kind, lang, fn))
        return fn
    return deco


# =============================================================================== positives: clinical (en)
@pos("clinical")
def clin_yo_female(r):
    c = r.pick(["3 days of productive cough", "intermittent chest pain on exertion", "RLQ pain since last night",
                "worsening headaches and blurred vision", "a swollen left ankle after a fall", "fever and dysuria"])
    p = r.pick(["T2DM, HTN", "asthma", "hypothyroidism", "none significant", "GERD, migraine", "CKD stage 3"])
    return f"{r.age()} y/o {g(r.pick(NAT))} female presenting with {c}. PMH: {p}. NKDA."


@pos("clinical")
def clin_devout(r):
    rel, acc = r.pick([("Buddhist", "vegetarian meals"), ("Hindu", "meals without beef"),
                       ("Sikh", "that their kara bracelet is not removed"), ("Muslim", "halal meals and a prayer mat"),
                       ("Jain", "strictly vegetarian meals without root vegetables"),
                       ("Catholic", "Holy Communion on Sunday"),
                       ("Seventh-day Adventist", "vegetarian meals and no elective procedures on Saturday"),
                       ("Rastafarian", "ital (plant-based) meals")])
    return f"Pt is a devout {g(rel)} and requests {acc} during this admission; chaplaincy notified."


@pos("clinical")
def clin_hpi(r):
    sex = r.pick(["man", "woman"])
    eth = r.pick(ETH_M if sex == "man" else ETH_F)
    cond = r.pick(["poorly controlled hypertension", "recurrent kidney stones", "sarcoidosis", "lupus nephritis",
                   "obstructive sleep apnoea", "gout"])
    return (f"HPI: {r.age(35, 80)}-year-old {g(eth)} {sex} with a history of {cond}, referred by Dr. {r.sn()} "
            f"for a second opinion.")


@pos("clinical")
def clin_jw(r):
    jw = r.pick(["Jehovah's Witness", "Jehovah’s Witness"])
    return (f"Anaesthetic pre-op note: patient is a {g(jw)} and declines whole blood, red cells, platelets and "
            f"plasma. Advance directive on file, signed {r.date()}. Cell salvage discussed and accepted.")


@pos("clinical")
def clin_social_hx(r):
    job = r.pick(JOBS)
    return (f"Social hx: {r.age(25, 70)}M, {g(r.pick(NAT))} national, works as {a(job)} {job}, lives with wife in "
            f"{r.city()}. Nonsmoker, occasional alcohol.")


@pos("clinical")
def clin_antenatal(r):
    return (f"{r.age(19, 42)}F, {g(r.pick(ETH_F + MULTI))}, G2P1, presents at {r.n(12, 38)} weeks for routine "
            f"antenatal review. BP 118/76, urine NAD.")


@pos("clinical")
def clin_chaplain(r):
    rel, who = r.pick([("Greek Orthodox", "Father Nikos from St Sophia"),
                       ("Sikh", "the granthi from the local gurdwara"), ("Muslim", "the hospital imam"),
                       ("Catholic", "a priest for the Anointing of the Sick"),
                       ("Buddhist", "someone from the Theravada vihara on Mill Road"),
                       ("Hindu", "a pandit to perform a short puja"), ("Jewish", "the rabbi on call")])
    return f"Chaplaincy referral: patient identifies as {g(rel)} and would like a visit from {who} before surgery."


@pos("clinical")
def clin_fasting(r):
    rel, fast = r.pick([("Muslim", "Ramadan"), ("Orthodox Christian", "Great Lent"), ("Jewish", "Yom Kippur"),
                        ("Baháʼí", "the Nineteen Day Fast"), ("Jain", "Paryushana"),
                        ("Coptic Orthodox", "the Fast of Nineveh")])
    return (f"Nursing note 06:40 — pt is {g(rel)}, fasting for {fast}; insulin schedule adjusted with diabetes "
            f"team. Reassess BM at noon.")


@pos("clinical")
def clin_eth_field(r):
    return (f"Ethnicity (self-reported): {g(r.pick(ETH + MULTI))}\nPreferred language: English\n"
            f"Interpreter: not required")


@pos("clinical")
def clin_genetic(r):
    d = r.pick(["Ashkenazi Jewish", "Sephardic Jewish", "Amish", "Finnish", "Acadian", "Old Order Mennonite"])
    return (f"Genetic counselling: proband is of {g(d)} descent; expanded carrier screening offered and accepted. "
            f"Partner's results pending.")


@pos("clinical")
def clin_tourist(r):
    return (f"ED triage: {r.age()} yo {g(r.pick(NAT))} tourist, slipped on ice near the station in {r.city()}; "
            f"suspected distal radius fracture. Travel insurance details pending.")


@pos("clinical")
def clin_sickle(r):
    eth = r.pick(["Black", "African American", "Nigerian", "Ghanaian", "Afro-Caribbean", "Black British",
                  "Sierra Leonean"])
    return (f"Pt is a {r.age(20, 45)} y.o. {g(eth)} male with known HbSS presenting in vaso-occlusive crisis; "
            f"PCA started.")


@pos("clinical")
def clin_shabbat(r):
    return (f"Patient is {g('Orthodox Jewish')} and observes Shabbat; please avoid elective procedures from "
            f"Friday sunset and order kosher meals (bed {r.n(1, 40)}).")


@pos("clinical")
def clin_psych(r):
    return (f"Psych intake: {r.age(20, 60)} yo {g(r.pick(NAT))} woman, moved to {r.city()} {r.n(1, 9)} years ago, "
            f"reports isolation and low mood since her husband's deployment.")


@pos("clinical")
def clin_ramadan_two(r):
    nat = r.pick(["Pakistani", "Bangladeshi", "Somali", "Egyptian", "Indonesian", "Moroccan", "Turkish", "Senegalese"])
    return f"{r.age(30, 75)}yo {g(nat)} male, {g('Muslim')}, fasting since dawn (Ramadan); POC glucose 4.1 mmol/L."


@pos("clinical")
def clin_white_male(r):
    return (f"CC: chest tightness x2h. {r.age(40, 79)} yo {g(r.pick(['white', 'Caucasian', 'Hispanic', 'Asian']))} "
            f"male, ex-smoker, troponin pending.")


# =============================================================================== positives: forms (en)
@pos("form")
def form_nat_arrival(r):
    return (f"Nationality: {g(r.pick(NAT))}\nDate of arrival: {r.date()}\n"
            f"Visa type: {r.pick(['Tier 2', 'Student', 'Family', 'Visitor', 'Seasonal Worker'])}")


@pos("form")
def form_citizenship_dash(r):
    n1, n2 = r.two(NAT)
    return f"Citizenship - {g(n1)}\nSecond citizenship - {g(n2)}\nPlace of birth - {r.city()}"


@pos("form")
def form_full(r):
    return (f"Full name: {r.name()}\nNationality: {g(r.pick(NAT))}\nReligion: {g(r.pick(REL_ADJ))}\n"
            f"Marital status: {r.pick(['Married', 'Single', 'Widowed'])}")


@pos("form")
def form_visa_sentence(r):
    nat = r.pick(NAT)
    return (f"Applicant {r.name()} ({r.age(22, 55)}), {a(nat)} {g(nat)} citizen, is applying for a Skilled Worker "
            f"visa sponsored by Northgate Logistics Ltd.")


@pos("form")
def form_equal_opps(r):
    return (f"Equal opportunities monitoring — Ethnic group: {g(r.pick(UK_ETH))}; Religion or belief: "
            f"{g(r.pick(REL_ADJ))}; Sexual orientation: prefer not to say.")


@pos("form")
def form_new_hire(r):
    return (f"New hire checklist for {r.name()}: I-9 complete, {g(r.pick(NAT))} national, work permit expires "
            f"{r.date()}.")


@pos("form")
def form_dual(r):
    n1, n2 = r.two(["Canadian", "Lebanese", "Irish", "Nigerian", "Israeli", "Brazilian", "Italian", "Indian",
                    "Mexican", "Korean", "Filipino", "Greek"])
    return f"DS-160 notes: applicant is a dual {g(n1)}–{g(n2)} citizen; both passports presented."


@pos("form")
def form_us_race(r):
    return f"Race: {g(r.pick(US_RACE))}\nEthnicity: {g('Hispanic or Latino')}\nSex: {r.pick(['F', 'M'])}"


@pos("form")
def form_manifest(r):
    full = r.name()
    given, surname = full.rsplit(" ", 1)
    return (f"PASSENGER MANIFEST\nSurname: {surname.upper()}\nGiven names: {given.upper()}\n"
            f"Nationality: {g(r.pick(NAT).upper())}\nSex: {r.pick(['F', 'M'])}")


@pos("form")
def form_tenant(r):
    return (f"Tenant reference form — Tenant: {r.name()}; Nationality: {g(r.pick(NAT))}; "
            f"Right to rent check: passed ({r.date()}).")


@pos("form")
def form_kin(r):
    return (f"Next of kin: {r.name()} (sibling)\nNOK nationality: {g(r.pick(NAT))}\n"
            f"NOK address: overseas, see attached")


# =============================================================================== positives: structured (en)
@pos("structured")
def st_json_employee(r):
    return ('{"employee_id": "E-%d", "name": "%s", "nationality": "%s", "department": "Logistics"}'
            % (r.n(1000, 9999), r.name(), g(r.pick(NAT))))


@pos("structured")
def st_json_patient(r):
    return ('{\n  "patient": {\n    "mrn_masked": "***%d",\n    "ethnicity": "%s",\n    "religion": "%s",\n'
            '    "diet": "%s"\n  }\n}' % (r.n(100, 999), g(r.pick(ETH + MULTI)), g(r.pick(REL_ADJ)),
                                        r.pick(["vegetarian", "halal", "kosher", "none"])))


@pos("structured")
def st_yaml(r):
    return (f"applicant:\n  name: {r.name()}\n  nationality: {g(r.pick(NAT))}\n  religion: {g(r.pick(REL_ADJ))}\n"
            f"  dependants: {r.n(0, 4)}")


@pos("structured")
def st_csv_three(r):
    n1, n2, n3 = r.rng.sample(NAT, 3)
    return (f"id,name,age,nationality\n1,{r.name()},{r.age()},{g(n1)}\n2,{r.name()},{r.age()},{g(n2)}\n"
            f"3,{r.name()},{r.age()},{g(n3)}")


@pos("structured")
def st_csv_semicolon(r):
    return (f"member_id;surname;ethnicity;religion\nM-{r.n(1000, 9999)};{r.sn()};{g(r.pick(ETH + MULTI))};"
            f"{g(r.pick(REL_ADJ))}")


@pos("structured")
def st_xml(r):
    return (f"<person><name>{r.name()}</name><citizenship>{g(r.pick(NAT))}</citizenship>"
            f"<residence>{r.city()}</residence></person>")


@pos("structured")
def st_kv_log(r):
    r1, r2 = r.two(REL_ADJ)
    return (f"{r.isodate()}T09:14:02Z INFO profile_update uid={r.n(1000, 99999)} field=religion "
            f"old=\"{g(r1)}\" new=\"{g(r2)}\" actor=self")


@pos("structured")
def st_markdown(r):
    n1, n2 = r.two(NAT)
    return (f"| Name | Role | Nationality |\n|---|---|---|\n| {r.name()} | Site lead | {g(n1)} |\n"
            f"| {r.name()} | Surveyor | {g(n2)} |")


@pos("structured")
def st_json_dependants(r):
    n1, n2 = r.two(NAT)
    return ('{"principal": "%s", "dependants": [{"relation": "spouse", "nationality": "%s"}, '
            '{"relation": "child", "nationality": "%s"}]}' % (r.name(), g(n1), g(n2)))


@pos("structured")
def st_sql(r):
    return (f"INSERT INTO clients (full_name, ethnicity, intake_date) VALUES ('{r.name().replace(chr(39), '')}', "
            f"'{g(r.pick(ETH + MULTI))}', '{r.isodate()}');")


@pos("structured")
def st_tsv(r):
    country = r.pick(["Canada", "Germany", "Kenya", "Chile", "Japan", "Portugal", "Qatar"])
    return f"name\tcountry_of_residence\tcitizenship\n{r.name()}\t{country}\t{g(r.pick(NAT))}"


@pos("structured")
def st_python(r):
    return (f'patient = {{"name": "{r.name()}", "religion": "{g(r.pick(REL_ADJ))}", '
            f'"allergies": ["penicillin"]}}\nsend_to_ward(patient)')


# =============================================================================== positives: casework / legal (en)
@pos("casework")
def cw_claimant(r):
    eth, country = r.pick([("Kurdish", "Iran"), ("Hazara", "Afghanistan"), ("Rohingya", "Myanmar"),
                           ("Uyghur", "China"), ("Tigrayan", "Ethiopia"), ("Oromo", "Ethiopia"),
                           ("Baloch", "Pakistan"), ("Bidoon", "Kuwait"), ("Tamil", "Sri Lanka")])
    return (f"The claimant, who is {g(eth)}, fears persecution on return to {country}; her husband was "
            f"detained in {r.year(2015, 2023)}.")


@pos("casework")
def cw_case_note(r):
    nat = r.pick(NAT)
    return (f"Case note: Ms {r.sn()} is {a(nat)} {g(nat)} national with a pending asylum claim; interpreter "
            f"booked for {r.pick(['Monday', 'Tuesday', 'Thursday'])}.")


@pos("legal")
def lg_ahmadi(r):
    return (f"The appellant is an {g('Ahmadi Muslim')} from Rabwah and was attacked after preaching in "
            f"{r.year(2016, 2022)}.")


@pos("casework")
def cw_safeguarding(r):
    e1, e2 = r.two(["Roma", "Irish Traveller", "Romany Gypsy", "Somali", "Polish", "Black Caribbean", "Yemeni"])
    return (f"Safeguarding: the child's mother identifies as {g(e1)} and the father as {g(e2)}; both parents consent to "
            f"the referral to early help.")


@pos("legal")
def lg_witness(r):
    nat = r.pick(NAT)
    return (f"Witness statement: I am {a(nat)} {g(nat)} citizen and have lived at the address in {r.city()} "
            f"since {r.year()}. I make this statement from my own knowledge.")


@pos("legal")
def lg_defendant(r):
    nat = r.pick(NAT)
    return f"The defendant, {a(nat)} {g(nat)} national, was remanded in custody pending the extradition hearing."


@pos("casework")
def cw_home_visit(r):
    rel, avoid = r.pick([("Muslim", "Friday prayers"), ("Jewish", "Saturday mornings"),
                         ("Seventh-day Adventist", "Saturdays"), ("Sikh", "Sunday mornings at the gurdwara")])
    return f"Home visit: the family are {g(rel)} and asked that future visits avoid {avoid}."


@pos("legal")
def lg_convert(r):
    rel = r.pick(["Christian", "Baháʼí", "Evangelical Christian"])
    return (f"The tribunal accepted that the appellant is a genuine {g(rel)} convert and would face a real risk "
            f"on return.")


@pos("legal")
def lg_respondent(r):
    eth = r.pick(["Black British", "British Indian", "mixed race", "Asian", "Black African", "Arab"])
    m1 = r.rng.randint(0, 8)
    m2 = r.rng.randint(m1 + 1, 11)
    return (f"The claimant, who describes herself as {g(eth)}, alleges direct race discrimination by her line "
            f"manager between {MONTHS[m1]} and {MONTHS[m2]}.")


@pos("casework")
def cw_probation(r):
    rel, when = r.pick([("Muslim", "Friday lunchtime"), ("Seventh-day Adventist", "Saturdays"),
                        ("Jew", "Friday afternoons in winter"), ("Sikh", "the morning of Vaisakhi")])
    return f"Probation report: Mr {r.sn()} ({r.age(20, 60)}) is a practising {g(rel)} and asks that appointments avoid {when}."


@pos("legal")
def lg_bond(r):
    nat = r.pick(NAT)
    return (f"Bond hearing: respondent, a {r.age(20, 60)}-year-old {g(nat)} national, has lived in {r.pick(US_CITIES)} for "
            f"{r.n(3, 20)} years and has two US-citizen children.")


@pos("casework")
def cw_asylum_two(r):
    nat, rel = r.pick([("Iranian", "Christian"), ("Pakistani", "Ahmadi"), ("Iraqi", "Yazidi"),
                       ("Egyptian", "Coptic Christian"), ("Afghan", "Sikh"), ("Eritrean", "Pentecostal"),
                       ("Nigerian", "Catholic"), ("Sudanese", "Christian")])
    return (f"Client is {a(nat)} {g(nat)} asylum seeker who identifies as {g(rel)}; she fears her brothers "
            f"will harm her if she returns.")


# =============================================================================== positives: chat (en)
@pos("chat")
def ch_sikh_airport(r):
    return (f"as a {g('Sikh')} man I always get pulled aside at airport security because of my turban, any tips "
            f"for {r.city()} airport?")


@pos("chat")
def ch_jewish_partner(r):
    rel = r.pick(["Catholic", "Hindu", "Muslim", "Methodist", "Buddhist", "Greek Orthodox"])
    return f"I'm {g('Jewish')} and my partner is {g(rel)} — how do we plan a wedding that respects both families?"


@pos("chat")
def ch_mom_dad(r):
    n1, n2 = r.two(NAT)
    return f"lol my mom is {g(n1)} and my dad is {g(n2)} so christmas dinner is always chaos 😂"


@pos("chat")
def ch_student(r):
    nat = r.pick(NAT)
    return (f"Hi! I'm a {r.age(19, 26)}yo {g(nat)} student moving to {r.city()} for my master's. "
            f"How do I open a bank account without a credit history?")


@pos("chat")
def ch_woman_tech(r):
    eth = r.pick(["Black", "Latina", "South Asian", "Indigenous", "Filipina", "Arab", "Vietnamese"])
    return f"honestly as {a(eth)} {g(eth)} woman in tech I'm tired of being the only one in the room. how do you all cope?"


@pos("chat")
def ch_converted(r):
    rel = r.pick(["Muslim", "Catholic", "Buddhist", "Orthodox Christian", "Jewish", "Baháʼí", "Quaker"])
    return f"I converted last year and I'm {g(rel)} now, my parents don't know yet. How do I tell them?"


@pos("chat")
def ch_passport(r):
    n1, n2 = r.two(NAT)
    country = r.pick(["Germany", "Japan", "Qatar", "Canada", "Spain", "Singapore"])
    return (f"My husband is {g(n1)}, I'm {g(n2)}, and our kids were born in {country}. Which passport should "
            f"they travel on?")


@pos("chat")
def ch_lifelong(r):
    party = r.pick(["Democrat", "Republican", "Tory", "Labour voter", "Liberal", "Social Democrat"])
    word = party.split()[0]
    rest = party[len(word):]
    return (f"I'm a lifelong {g(word)}{rest} but I'm seriously thinking about voting differently this time. "
            f"Can you summarise the main policy differences?")


@pos("chat")
def ch_abroad(r):
    nat = r.pick(["American", "Eritrean", "Filipino", "Canadian", "Australian", "British"])
    return f"as {a(nat)} {g(nat)} living abroad, do I still need to file taxes back home if I earn under the threshold?"


@pos("chat")
def ch_inlaws(r):
    rel, want = r.pick([("Catholic", "us to get married in church"), ("Mormon", "us to wait until marriage"),
                        ("Hindu", "the wedding in Pune"), ("Muslim", "a nikah before the civil ceremony"),
                        ("Evangelical", "us to do premarital counselling")])
    return f"my boyfriend's parents are super {g(rel)} and want {want}. how do I bring up that I'm not religious?"


@pos("chat")
def ch_skin(r):
    eth = r.pick(["Black", "South Asian", "Latina", "East Asian", "Middle Eastern"])
    return f"i'm {g(eth)} and my dermatologist never knows what to do with my skin, any tips for finding a better one?"


@pos("chat")
def ch_naturalised(r):
    nat = r.pick(["British", "Canadian", "Australian", "German", "Irish", "Dutch"])
    return (f"quick q — I'm {g(nat)} now (naturalised last month) and want to bring my mum over on a visitor "
            f"visa. What documents do I need?")


# =============================================================================== positives: politics (en)
@pos("politics")
def pol_green_councillor(r):
    return (f"{r.name()}, a {g('Green Party')} councillor for {r.pick(['Hyde Park', 'Riverside', 'Castle', 'Abbey'])} "
            f"ward, voted against the car park proposal.")


@pos("politics")
def pol_lifelong_dem(r):
    return f"she's a lifelong {g('Democrat')} and has volunteered for every campaign since {r.year(1992, 2012)}."


@pos("politics")
def pol_mp_paren(r):
    party = r.pick(["Conservative", "Labour", "Liberal Democrat", "SNP", "Plaid Cymru", "Green", "DUP", "Alliance"])
    return f"{r.name()} MP ({g(party)}) asked the minister about rural bus funding in {r.pick(UK_CITIES)}."


@pos("politics")
def pol_registered(r):
    party = r.pick(["Republican", "Democrat", "Libertarian"])
    return f"{r.name()} is a registered {g(party)} who works as a {r.pick(JOBS)} in {r.city()}."


@pos("politics")
def pol_cllr_paren(r):
    party = r.pick(["Lib Dem", "Labour", "Conservative", "Green"])
    return (f"Councillor {r.sn()} ({g(party)}, {r.pick(['Headingley', 'Moseley', 'Clifton', 'Jesmond'])}) said the "
            f"scheme would be reviewed in the spring.")


@pos("politics")
def pol_member(r):
    party = r.pick(["Labour", "Conservative", "SNP", "Green", "Reform UK"])
    return f"My uncle has been {a(party)} {g(party)} party member for thirty years and still delivers leaflets."


@pos("politics")
def pol_rep(r):
    party = r.pick(["Democrat", "Republican"])
    return (f"Rep. {r.sn()}, {a(party)} {g(party)} from {r.pick(['Ohio', 'Texas', 'Oregon', 'Georgia', 'Maine'])}, "
            f"introduced the bill on Tuesday.")


@pos("politics")
def pol_ndp(r):
    party = r.pick(["NDP", "Liberal", "Conservative", "Bloc Québécois"])
    return f"{r.name()}, who sits as {a(party)} {g(party)} MP for the riding, opposed the pipeline motion."


@pos("politics")
def pol_former(r):
    party = r.pick(["Communist", "Social Democrat", "Christian Democrat", "Liberal Democrat"])
    return f"The mayor, a former {g(party)}, now calls herself a pragmatist and avoids party labels."


@pos("politics")
def pol_canvass(r):
    party = r.pick(["Tory", "Labour", "Lib Dem", "Green"])
    return (f"Canvass log, {r.pick(['Elm Rd', 'Station Ave', 'Mill Lane'])} no. {r.n(1, 90)}: {r.sn()} — "
            f"strong {g(party)}, do not revisit.")


# =============================================================================== positives: multiword (en)
@pos("multiword")
def mw_participant(r):
    return (f"Participant {r.n(10, 99):03d}: {r.age()}, {g(r.pick(MULTI))}, lives in {r.city()} with three "
            f"children.")


@pos("multiword")
def mw_survey(r):
    return f"Respondent self-identified as {g(r.pick(MULTI))} on the intake survey (question 7)."


@pos("multiword")
def mw_grew_up(r):
    m = r.pick(["Mexican American", "Cuban American", "Chinese American", "Arab American", "Vietnamese American"])
    return f"{r.name()} is {g(m)} and grew up in {r.city()}, where her parents ran a laundromat."


@pos("multiword")
def mw_demographics(r):
    return f"Demographics: {g(r.pick(MULTI))}, female, {r.age()}."


@pos("multiword")
def mw_grandparents(r):
    m1, m2 = r.two(MULTI)
    return f"My grandmother was {g(m1)} and my grandfather {g(m2)}, so family reunions are loud."


@pos("multiword")
def mw_first_nations(r):
    nation = r.pick(["Cree", "Ojibwe", "Mi'kmaq", "Dene", "Haida"])
    return (f"He is {g('First Nations')} ({g(nation)}) and works as a land-use planner in "
            f"{r.pick(['Winnipeg', 'Saskatoon', 'Thunder Bay', 'Prince George'])}.")


@pos("multiword")
def mw_torres(r):
    return (f"Survey respondent #{r.n(100, 999)}: {g('Torres Strait Islander')}, aged {r.age()}, "
            f"{r.pick(['employed full-time', 'student', 'retired'])}.")


@pos("multiword")
def mw_hyphen(r):
    m = r.pick(["Korean-American", "Italian-Canadian", "Nigerian-British", "Turkish-German", "Indo-Fijian"])
    return f"She describes herself as {g(m)} and writes about growing up between two cultures."


# =============================================================================== positives: German
@pos("form", "de")
def de_staatsang(r):
    x = r.pick(["türkische", "syrische", "polnische", "rumänische", "kroatische", "afghanische", "eritreische",
                "griechische", "ukrainische", "irakische", "kosovarische"])
    return (f"{r.pick(['Herr', 'Frau'])} {r.sn('de')} besitzt die {g(x)} Staatsangehörigkeit und lebt seit "
            f"{r.year()} in {r.city('de')}.")


@pos("clinical", "de")
def de_pflege(r):
    subj, w, rest = r.pick([("Er ist", "Muslim", "bittet um Essen ohne Schweinefleisch"),
                            ("Sie ist", "Muslima", "bittet um Essen ohne Schweinefleisch"),
                            ("Er ist", "Hindu", "isst kein Rindfleisch"),
                            ("Sie ist", "Jüdin", "möchte koscheres Essen"),
                            ("Er ist", "Jude", "möchte koscheres Essen")])
    return f"Pflegehinweis Zimmer {r.n(100, 420)}: {subj} {g(w)} und {rest}."


@pos("clinical", "de")
def de_patientin(r):
    x = r.pick(["evangelisch", "katholisch", "orthodox", "jüdisch", "muslimisch", "alevitisch", "neuapostolisch"])
    return f"Patientin, {r.age()} J., {g(x)}, wünscht seelsorgerischen Beistand vor der OP."


@pos("form", "de")
def de_form(r):
    nat = r.pick(["deutsch", "österreichisch", "italienisch", "kroatisch", "polnisch", "portugiesisch", "bosnisch"])
    rel = r.pick(["römisch-katholisch", "evangelisch-lutherisch", "orthodox", "muslimisch", "jüdisch"])
    return f"Staatsangehörigkeit: {g(nat)}\nReligion: {g(rel)}\nFamilienstand: ledig"


@pos("casework", "de")
def de_antragstellerin(r):
    w, where = r.pick([("Jesidin", "dem Nordirak"), ("Kurdin", "der Provinz Van"), ("Hazara", "der Provinz Ghazni"),
                       ("Uigurin", "Xinjiang"), ("Romni", "Nordmazedonien")])
    return f"Die Antragstellerin ist {g(w)} und stammt aus {where}; sie wurde {r.year(2014, 2023)} nach Deutschland eingereist."


@pos("politics", "de")
def de_mitglied(r):
    p = r.pick(["SPD", "CDU", "CSU", "FDP", "Grünen", "Linken"])
    return (f"{r.pick(['Frau', 'Herr'])} {r.sn('de')} ist seit {r.year(1990, 2020)} Mitglied der {g(p)} und sitzt "
            f"im Stadtrat von {r.city('de')}.")


@pos("chat", "de")
def de_chat(r):
    x, y = r.pick([("Katholikin", "evangelisch"), ("Protestantin", "orthodox"), ("Muslima", "katholisch"),
                   ("Jüdin", "evangelisch")])
    return f"Ich bin {g(x)} und mein Mann ist {g(y)} – wie feiern wir die Taufe so, dass beide Familien zufrieden sind?"


@pos("legal", "de")
def de_beschuldigte(r):
    x = r.pick(["serbischer", "albanischer", "georgischer", "marokkanischer", "tunesischer", "algerischer",
                "litauischer"])
    return f"Der Beschuldigte, ein {g(x)} Staatsangehöriger, wurde am Flughafen festgenommen und in U-Haft genommen."


# =============================================================================== positives: French
FR_NAT_F = ["sénégalaise", "malienne", "ivoirienne", "camerounaise", "algérienne", "tunisienne", "marocaine",
            "haïtienne", "belge", "suisse", "portugaise", "roumaine", "vietnamienne", "comorienne", "congolaise",
            "guinéenne", "libanaise", "française"]


@pos("form", "fr")
def fr_nationalite(r):
    return (f"{r.pick(['M.', 'Mme'])} {r.sn('fr')}, de nationalité {g(r.pick(FR_NAT_F))}, réside à "
            f"{r.city('fr')} depuis {r.year()}.")


@pos("clinical", "fr")
def fr_pratiquante(r):
    w, rest = r.pick([("musulmane", "souhaite des repas halal"), ("juive", "souhaite des repas casher"),
                      ("hindoue", "souhaite des repas végétariens"), ("catholique", "demande à recevoir la communion"),
                      ("bouddhiste", "souhaite des repas végétariens")])
    return f"Elle est {g(w)} pratiquante et {rest} pendant son séjour."


@pos("form", "fr")
def fr_form(r):
    rel = r.pick(["catholique", "protestante", "musulmane", "bouddhiste", "orthodoxe", "juive"])
    return f"Nationalité : {g(r.pick(FR_NAT_F))}\nReligion : {g(rel)}\nSituation familiale : mariée"


@pos("legal", "fr")
def fr_origine(r):
    x = r.pick(["kurde", "tamoule", "peule", "touarègue", "arménienne", "berbère", "tchétchène"])
    return (f"Le requérant, d'origine {g(x)}, affirme avoir été menacé à plusieurs reprises avant son départ "
            f"en {r.year(2015, 2023)}.")


@pos("politics", "fr")
def fr_adherent(r):
    prep, p = r.pick([("du", "Parti socialiste"), ("du", "Parti communiste"), ("de", "La France insoumise"),
                      ("du", "Rassemblement national"), ("des", "Républicains"), ("d'", "Europe Écologie")])
    sep = "" if prep.endswith("'") else " "
    return f"{r.name('fr')} est adhérent{r.pick(['', 'e'])} {prep}{sep}{g(p)} depuis {r.year(1995, 2020)}."


@pos("clinical", "fr")
def fr_patient(r):
    x = r.pick(["catholique", "musulman", "juif", "protestant", "bouddhiste"])
    return f"Patient de {r.age()} ans, {g(x)} pratiquant, demande à voir l'aumônier avant l'intervention."


@pos("chat", "fr")
def fr_chat(r):
    x, y = r.pick([("algérien", "française"), ("sénégalais", "belge"), ("portugais", "marocaine"),
                   ("vietnamien", "suisse")])
    return f"Je suis {g(x)} et ma copine est {g(y)}, on veut se pacser à {r.city('fr')} : quels papiers faut-il ?"


@pos("form", "fr")
def fr_ressortissante(r):
    x = r.pick(["comorienne", "malienne", "ivoirienne", "tunisienne", "haïtienne", "congolaise"])
    return f"Madame {r.sn('fr')}, ressortissante {g(x)}, a déposé une demande de titre de séjour le {r.n(1, 28)} mars."


# =============================================================================== positives: Spanish
ES_NAT_F = ["peruana", "venezolana", "colombiana", "boliviana", "ecuatoriana", "paraguaya", "hondureña",
            "dominicana", "cubana", "marroquí", "rumana", "ucraniana", "argentina", "uruguaya", "salvadoreña",
            "nicaragüense"]


@pos("clinical", "es")
def es_paciente(r):
    return (f"La paciente, de nacionalidad {g(r.pick(ES_NAT_F))}, acude a urgencias por dolor abdominal de "
            f"{r.n(2, 12)} horas de evolución.")


@pos("chat", "es")
def es_chat(r):
    x, y = r.pick([("judío", "católica"), ("musulmán", "evangélica"), ("católico", "judía"),
                   ("evangélico", "católica"), ("budista", "musulmana")])
    return f"Soy {g(x)} y mi novia es {g(y)}; ¿cómo organizamos una boda que respete a las dos familias?"


@pos("form", "es")
def es_form(r):
    rel = r.pick(["católica", "evangélica", "musulmana", "judía", "testigo de Jehová", "adventista"])
    return f"Nacionalidad: {g(r.pick(ES_NAT_F))}\nReligión: {g(rel)}\nEstado civil: soltera"


@pos("politics", "es")
def es_concejal(r):
    prep, p = r.pick([("del", "PSOE"), ("del", "PP"), ("de", "Vox"), ("de", "Podemos"), ("de", "Sumar")])
    return f"{r.name('es')}, concejal {prep} {g(p)} en {r.city('es')}, presentó una moción sobre vivienda."


@pos("casework", "es")
def es_etnia(r):
    x = r.pick(["gitana", "mapuche", "quechua", "aimara", "wayuu", "guaraní"])
    return f"Mujer de {r.age(20, 60)} años, de etnia {g(x)}, vive con sus cuatro hijos en {r.city('es')}."


@pos("chat", "es")
def es_trabaja(r):
    x = r.pick(["venezolana", "dominicana", "salvadoreña", "nicaragüense", "paraguaya", "filipina"])
    return f"{r.pick(ES_FEMALE)} es {g(x)} y trabaja como enfermera en {r.city('es')} desde {r.year()}."


@pos("chat", "es")
def es_abuelo(r):
    x = r.pick(["italiano", "libanés", "sirio", "polaco", "alemán", "japonés", "croata"])
    return f"Mi abuelo era {g(x)} y emigró a Argentina en {r.year(1946, 1960)}; ¿puedo pedir la ciudadanía?"


# =============================================================================== positives: Portuguese
PT_NAT_F = ["brasileira", "portuguesa", "angolana", "moçambicana", "cabo-verdiana", "guineense", "venezuelana",
            "timorense"]


@pos("chat", "pt")
def pt_praticante(r):
    w, rest = r.pick([("católica", "vai à missa todos os domingos"), ("evangélica", "frequenta o culto às quartas"),
                      ("espírita", "participa das reuniões às sextas"), ("umbandista", "frequenta o terreiro")])
    return f"A minha sogra é {g(w)} praticante e {rest}, então marcamos o almoço para sábado."


@pos("clinical", "pt")
def pt_cor(r):
    x = r.pick(["parda", "preta", "branca", "amarela", "indígena"])
    return f"Paciente de {r.age()} anos, cor/raça: {g(x)}, natural de {r.city('pt')}, queixa de tosse há 3 semanas."


@pos("form", "pt")
def pt_form(r):
    return f"Nacionalidade: {g(r.pick(PT_NAT_F))}\nNaturalidade: {r.city('pt')}\nEstado civil: casada"


@pos("politics", "pt")
def pt_vereador(r):
    p = r.pick(["PT", "PSDB", "MDB", "PSOL", "PL", "PSD"])
    return f"O vereador {r.name('pt')}, filiado ao {g(p)}, votou contra o aumento da tarifa de ônibus."


@pos("legal", "pt")
def pt_requerente(r):
    return (f"O requerente é de nacionalidade {g(r.pick(PT_NAT_F))} e reside em {r.city('pt')} desde "
            f"{r.year()}, conforme comprovativo anexo.")


@pos("chat", "pt")
def pt_chat(r):
    x = r.pick(["angolano", "cabo-verdiano", "moçambicano", "venezuelano", "haitiano", "boliviano"])
    return f"Sou {g(x)} e moro em {r.city('pt')} há dez anos; preciso renovar a autorização de residência?"


# =============================================================================== positives: Italian
@pos("clinical", "it")
def it_religione(r):
    x = r.pick(["ortodossa", "cattolica", "musulmana", "valdese", "ebraica", "buddista"])
    return (f"La signora {r.sn('it')} è di religione {g(x)} e chiede di ricevere la visita di un ministro di "
            f"culto prima dell'intervento.")


@pos("form", "it")
def it_form(r):
    x = r.pick(["albanese", "romena", "marocchina", "ucraina", "cinese", "filippina", "senegalese", "peruviana"])
    return f"Cittadinanza: {g(x)}\nLuogo di nascita: {r.city('it')}\nStato civile: nubile"


@pos("clinical", "it")
def it_origine(r):
    x = r.pick(["eritrea", "somala", "bengalese", "singalese", "nigeriana", "pakistana"])
    return f"Il paziente, {r.age()} anni, di origine {g(x)}, riferisce febbre da tre giorni."


@pos("chat", "it")
def it_ebreo(r):
    x, rest = r.pick([("ebreo", "non lavora il sabato"), ("avventista", "non lavora il sabato"),
                      ("musulmano", "il venerdì esce prima per la preghiera")])
    return f"Il mio collega è {g(x)} osservante e {rest}, quindi gli lasciamo il turno della domenica."


@pos("politics", "it")
def it_consigliere(r):
    prep, p = r.pick([("del", "Partito Democratico"), ("del", "Movimento 5 Stelle"), ("della", "Lega"),
                      ("di", "Fratelli d'Italia"), ("di", "Forza Italia")])
    return f"{r.name('it')}, consigliere comunale {prep} {g(p)} a {r.city('it')}, ha presentato un'interrogazione."


@pos("chat", "it")
def it_sono(r):
    x = r.pick(["argentina", "peruviano", "tunisino", "moldava", "srilankese", "brasiliana"])
    return f"Sono {g(x)} ma vivo a {r.city('it')} da vent'anni: posso chiedere la cittadinanza?"


# =============================================================================== positives: Dutch
@pos("form", "nl")
def nl_form(r):
    x = r.pick(["Nederlandse", "Marokkaanse", "Turkse", "Surinaamse", "Poolse", "Belgische", "Eritrese"])
    return f"Nationaliteit: {g(x)}\nGeboorteplaats: {r.city('nl')}\nBurgerlijke staat: gehuwd"


@pos("chat", "nl")
def nl_hindoe(r):
    x, rest = r.pick([("hindoe", "viert Divali"), ("moslima", "viert het Suikerfeest"),
                      ("katholiek", "gaat elke zondag naar de mis"), ("boeddhist", "mediteert elke ochtend")])
    return f"Zij is {g(x)} en {rest} met haar familie in {r.city('nl')}."


@pos("casework", "nl")
def nl_meneer(r):
    x = r.pick(["Eritrees", "Syrisch", "Afghaans", "Somalisch", "Iraaks", "Jemenitisch"])
    return f"Meneer {r.sn('nl')} is {g(x)} en woont sinds {r.year(2014, 2023)} in {r.city('nl')}; hij heeft een tolk nodig."


@pos("politics", "nl")
def nl_raadslid(r):
    art, p = r.pick([("de ", "VVD"), ("de ", "PvdA"), ("", "D66"), ("het ", "CDA"), ("", "GroenLinks"),
                     ("de ", "SP"), ("de ", "ChristenUnie")])
    return f"{r.name('nl')} is gemeenteraadslid voor {art}{g(p)} in {r.city('nl')}."


@pos("chat", "nl")
def nl_chat(r):
    x, y = r.pick([("Marokkaans", "Nederlands"), ("Turks", "Belgisch"), ("Pools", "Nederlands"),
                   ("Surinaams", "Duits")])
    return f"Ik ben {g(x)} en mijn vrouw is {g(y)}; welke achternaam krijgt ons kind?"


# =============================================================================== positives: Polish
@pos("form", "pl")
def pl_form(r):
    x = r.pick(["polskie", "ukraińskie", "białoruskie", "litewskie", "gruzińskie", "wietnamskie"])
    y = r.pick(["rzymskokatolickie", "prawosławne", "ewangelickie", "grekokatolickie"])
    return f"Obywatelstwo: {g(x)}\nWyznanie: {g(y)}\nStan cywilny: wolna"


@pos("clinical", "pl")
def pl_pacjentka(r):
    x = r.pick(["ukraińskiej", "białoruskiej", "wietnamskiej", "czeczeńskiej", "gruzińskiej"])
    return f"Pacjentka, lat {r.age()}, narodowości {g(x)}, przyjęta z powodu bólu w klatce piersiowej."


@pos("chat", "pl")
def pl_chat(r):
    x, y = r.pick([("prawosławna", "katolikiem"), ("katoliczką", "ewangelikiem"), ("ewangeliczką", "katolikiem")])
    return f"Jestem {g(x)}, a mój narzeczony jest {g(y)}. Gdzie możemy wziąć ślub?"


@pos("politics", "pl")
def pl_radny(r):
    p = r.pick(["PiS", "PSL", "Lewicy", "Konfederacji", "KO"])
    return f"Radny {r.name('pl')} z {g(p)} złożył interpelację w sprawie komunikacji miejskiej {r.pick(PL_LOC)}."


@pos("casework", "pl")
def pl_pan(r):
    x = r.pick(["Ukraińcem", "Białorusinem", "Wietnamczykiem", "Gruzinem", "Litwinem", "Ormianinem"])
    return f"Pan {r.pick(PL_MALE_SURNAMES)} jest {g(x)} i od {r.year(2010, 2023)} mieszka {r.pick(PL_LOC)}."


# =============================================================================== positives: Swedish
@pos("form", "sv")
def sv_form(r):
    x = r.pick(["svenskt", "finskt", "somaliskt", "irakiskt", "syriskt", "eritreanskt", "polskt"])
    return f"Medborgarskap: {g(x)}\nFödelseort: {r.city('sv')}\nCivilstånd: gift"


@pos("clinical", "sv")
def sv_fastar(r):
    subj, w, rest = r.pick([("Han är", "muslim", "fastar under ramadan"),
                            ("Hon är", "katolik", "vill träffa en präst före operationen"),
                            ("Han är", "hindu", "äter inte nötkött"),
                            ("Hon är", "judinna", "vill ha koshermat")])
    return f"{subj} {g(w)} och {rest}; informera köket."


@pos("politics", "sv")
def sv_party(r):
    x = r.pick(["socialdemokrat", "moderat", "vänsterpartist", "centerpartist", "sverigedemokrat", "liberal"])
    return f"Hon är {g(x)} och sitter i kommunfullmäktige i {r.city('sv')} sedan {r.year(2006, 2022)}."


@pos("casework", "sv")
def sv_ortodox(r):
    return f"{r.name('sv')} är {g('syrisk-ortodox')} och kom till Sverige {r.year(1985, 2016)} med sin familj."


@pos("clinical", "sv")
def sv_medborgare(r):
    x = r.pick(["eritreansk", "somalisk", "irakisk", "afghansk", "polsk", "thailändsk"])
    return f"Patienten, {r.age()} år, är {g(x)} medborgare och behöver tolk vid besöket."


# =============================================================================== positives: Turkish
@pos("form", "tr")
def tr_form(r):
    x = r.pick(["Türk", "Alman", "Suriyeli", "Azerbaycanlı", "Afgan", "Gürcü", "Iraklı"])
    y = r.pick(["Müslüman", "Hristiyan", "Yahudi", "Süryani"])
    return f"Uyruk: {g(x)}\nDin: {g(y)}\nMedeni hâl: evli"


@pos("casework", "tr")
def tr_alevi(r):
    return f"{r.name('tr')} kendisinin {g('Alevi')} olduğunu ve her perşembe cemevine gittiğini belirtti."


@pos("clinical", "tr")
def tr_hasta(r):
    x = r.pick(["Suriyeli", "Iraklı", "İranlı", "Afgan", "Özbek"])
    return f"Hasta {r.age()} yaşında, {g(x)} uyruklu bir kadın; iki gündür yüksek ateşi var."


@pos("politics", "tr")
def tr_party(r):
    p = r.pick(["CHP", "AKP", "İYİ Parti", "MHP", "DEM Parti"])
    return f"{r.name('tr')}, {g(p)} il meclis üyesi olarak yeni imar planına itiraz etti."


@pos("chat", "tr")
def tr_annem(r):
    x, y = r.pick([("Ermeni", "Rum"), ("Kürt", "Laz"), ("Çerkez", "Türk"), ("Süryani", "Ermeni")])
    return f"Annem {g(x)}, babam {g(y)}; ikisi de İstanbul doğumlu, ben de evde iki dil duyarak büyüdüm."


# =============================================================================== mixed: positive + hard negative
@mix("mixed")
def mx_restaurant(r):
    nat, shop = r.pick([("Italian", "an Italian restaurant"), ("Lebanese", "a Lebanese bakery"),
                        ("Vietnamese", "a Vietnamese noodle bar"), ("Ethiopian", "an Ethiopian café"),
                        ("Peruvian", "a Peruvian ceviche bar"), ("Greek", "a Greek taverna")])
    return f"She is {g(nat)} and runs {shop} in {r.city()} with her brother."


@mix("mixed")
def mx_korean_diet(r):
    return (f"Pt is a {r.age(50, 79)} y/o {g('Korean')} male; diet mostly Korean home cooking (kimchi, soups), "
            f"high sodium — dietitian referral.")


@mix("mixed")
def mx_german_car(r):
    nat = r.pick(["German", "Swedish", "Danish", "Austrian"])
    return f"{r.name()} is {g(nat)} but drives a Japanese car and only drinks Irish whiskey."


@mix("mixed")
def mx_catholic_church(r):
    return (f"I'm {g('Catholic')} but I don't agree with everything the Catholic Church announced this week "
            f"about annulments.")


@mix("mixed")
def mx_christian_name(r):
    rel = r.pick(["Muslim", "Buddhist", "Hindu", "Sikh"])
    return f"My colleague Christian Bauer is actually {g(rel)}; he converted years ago and fasts with his wife."


@mix("mixed")
def mx_translate(r):
    nat, city = r.pick([("Senegalese", "Dakar"), ("Ivorian", "Abidjan"), ("Malian", "Bamako"), ("Haitian", "Port-au-Prince")])
    return f"Translate into French: \"My wife is {g(nat)} and we have lived in {city} since 2019.\""


@mix("mixed")
def mx_lira(r):
    return (f"Applicant is a {g('Turkish')} citizen; note the Turkish lira payslips need converting to GBP before "
            f"the affordability check.")


@mix("mixed")
def mx_labour(r):
    return (f"The {g('Labour')} councillor {r.name()} criticised Labour's manifesto for ignoring rural bus "
            f"routes.")


@mix("mixed")
def mx_jewish_calendar(r):
    return f"She's {g('Jewish')} and keeps the Jewish holidays calendar pinned above her desk at work."


@mix("mixed")
def mx_dutch_market(r):
    return f"{r.name()}, a {g('Dutch')} national, is responsible for the Dutch market rollout in Q3."


@mix("mixed", "de")
def mx_de_restaurant(r):
    w, shop = r.pick([("Italienerin", "ein italienisches Restaurant"), ("Griechin", "eine griechische Taverne"),
                      ("Türkin", "eine türkische Bäckerei")])
    return f"Sie ist {g(w)} und betreibt {shop} in {r.city('de')}."


@mix("mixed", "fr")
def mx_fr_epicerie(r):
    return f"Il est {g('marocain')} et tient une épicerie de produits marocains à {r.city('fr')}."


@mix("mixed", "es")
def mx_es_cocina(r):
    return f"Mi vecina es {g('japonesa')} y da clases de cocina japonesa los sábados en {r.city('es')}."


@mix("mixed")
def mx_hindu_kush(r):
    return (f"Pt is {g('Hindu')}, vegetarian; family mentioned he trekked in the Hindu Kush last spring — "
            f"check for altitude-related symptoms.")


@mix("mixed")
def mx_sikh_club(r):
    return (f"{r.name()} ({g('Sikh')}) was refused entry to a bar in {r.city()}; the bar says its dress code bans "
            f"all headwear, including Panama hats.")


@mix("mixed", "pt")
def mx_pt_vinho(r):
    return f"O meu marido é {g('argentino')}, mas prefere vinho português ao argentino."


@mix("mixed", "tr")
def mx_tr(r):
    return f"Komşumuz {g('Japon')} ve her hafta sonu Japon mutfağı kursu veriyor."


# =============================================================================== negatives (en)
@neg("product")
def n_engineering(r):
    p = r.pick(["dishwashers", "power tools", "e-bikes", "espresso machines", "heat pumps"])
    return f"Is German engineering really better than Japanese engineering when it comes to {p}?"


@neg("language")
def n_translate(r):
    l1, l2 = r.two(["French", "Spanish", "Korean", "Portuguese", "Arabic", "Turkish", "Polish", "Dutch"])
    return f"Please translate this paragraph from {l1} into {l2} and keep the bullet points."


@neg("cuisine")
def n_mexican_restaurant(r):
    c = r.pick(["Mexican", "Sichuan", "Georgian", "Sri Lankan", "Ethiopian", "Peruvian", "Turkish"])
    return f"Can you recommend a good {c} restaurant near {r.city()} that's open after 10 pm?"


@neg("institution")
def n_catholic_church(r):
    return f"The Catholic Church announced a new archbishop for {r.city()} this morning."


@neg("product")
def n_whiskey(r):
    return "Irish whiskey vs Scotch vs Japanese whisky: which is best for a beginner on a budget?"


@neg("event")
def n_cny(r):
    y = r.year(2025, 2030)
    return f"What are the dates for Chinese New Year and Diwali in {y}? I need them for the office calendar."


@neg("geo")
def n_polish_border(r):
    return f"Traffic at the Polish border crossing near Frankfurt (Oder) is backed up for {r.n(5, 25)} km."


@neg("company")
def n_american_airlines(r):
    return f"American Airlines flight {r.n(100, 2999)} to {r.city()} is delayed by {r.n(20, 90)} minutes."


@neg("product")
def n_turkish_delight(r):
    return f"Where can I buy proper Turkish delight and Belgian chocolate in {r.city()}?"


@neg("geo")
def n_indian_ocean(r):
    return "Summarise the latest research on coral bleaching in the Indian Ocean and the Red Sea."


@neg("politics")
def n_republican_primary(r):
    st = r.pick(["Arizona", "Iowa", "Nevada", "Michigan"])
    return f"The Republican primary results for {st} will be certified next week."


@neg("politics")
def n_labour_manifesto(r):
    return "Labour's manifesto promises 1.5 million new homes — is that realistic given planning rules?"


@neg("company")
def n_dior(r):
    return "Does Christian Dior still make the Sauvage cologne in a 200 ml bottle?"


@neg("stats")
def n_muslim_majority(r):
    c = r.pick(["Indonesia", "Senegal", "Malaysia", "Bangladesh"])
    return f"{c} is a Muslim-majority country; how does that affect public holidays for our local office?"


@neg("event")
def n_jewish_calendar(r):
    return "Add the Jewish holidays calendar and the Hindu festival calendar to the shared team calendar."


@neg("market")
def n_asian_markets(r):
    return "Asian markets fell sharply overnight after the tariff announcement; European futures are flat."


@neg("idiom")
def n_black_coffee(r):
    return "I take my black coffee with a splash of oat milk while I finish reading the white paper on grid storage."


@neg("name")
def n_christian_bauer(r):
    return f"Please forward invoice INV-{r.n(10000, 99999)} to Christian Bauer in accounts payable."


@neg("geo")
def n_hindu_kush(r):
    return "We're planning a trek through the Hindu Kush next summer — what permits do we need?"


@neg("animal")
def n_german_shepherd(r):
    dog = r.pick(["German Shepherd", "Great Dane", "Siberian Husky", "Australian Shepherd", "English Springer Spaniel"])
    return f"Our {dog}, Rex, is due for his rabies booster on Friday."


@neg("idiom")
def n_swiss_cheese(r):
    return "Explain the Swiss cheese model of accident causation with a hospital example."


@neg("cuisine")
def n_recipe(r):
    return "Recipe for four: Thai green curry with Japanese short-grain rice and Greek yogurt on the side."


@neg("history")
def n_spanish_flu(r):
    return "The Spanish flu pandemic of 1918 killed an estimated 50 million people worldwide."


@neg("history")
def n_ottoman(r):
    return "Compare the tax systems of the Ottoman Empire and the Byzantine Empire in about 300 words."


@neg("event")
def n_french_open(r):
    return "Who won the French Open and the Australian Open this year?"


@neg("market")
def n_francs(r):
    return f"Convert {r.n(100, 5000)} Swiss francs to Japanese yen at today's rate."


@neg("cuisine")
def n_dutch_oven(r):
    return "Dutch oven method: bake the loaf at 250 °C with the lid on for 20 minutes, then uncovered."


@neg("institution")
def n_methodist_hospital(r):
    return "Methodist Hospital's new parking garage opens on Monday; the old lot closes the same day."


@neg("institution")
def n_mcb(r):
    return "The Muslim Council of Britain issued a statement on the new guidance for schools."


@neg("cuisine")
def n_team_lunch(r):
    return "Korean BBQ or the Ethiopian place for the team lunch on Thursday? Vote in the thread."


@neg("language")
def n_locale(r):
    return "Set the keyboard layout to Canadian French and the system locale to Brazilian Portuguese."


@neg("product")
def n_persian_rug(r):
    return f"Our Persian rug needs professional cleaning; any recommendations in {r.city()}?"


@neg("geo")
def n_south_china_sea(r):
    return "What is the deepest point of the South China Sea, and how was it measured?"


@neg("politics")
def n_dnc(r):
    return f"The Democratic National Convention will be held in {r.pick(['Chicago', 'Denver', 'Atlanta'])}."


@neg("history")
def n_reformation(r):
    return "The Protestant Reformation began in 1517; list five consequences for European printing."


@neg("stats")
def n_census(r):
    return (f"Census 2021: {r.n(3, 9)}% of respondents in the borough identified as Hindu and {r.n(1, 4)}% as "
            f"Sikh. Make a bar chart.")


@neg("name")
def n_jordan_black(r):
    return "Jordan Black from facilities will fix the projector in Room 4 before the 2 pm meeting."


@neg("name")
def n_ms_welsh(r):
    return f"Ms. Welsh will chair the board meeting; Mr. English is taking minutes and Dr. French sends apologies."


@neg("idiom")
def n_black_friday(r):
    return "Black Friday sales start at midnight, and the white-label chargers are half price."


@neg("language")
def n_numerals(r):
    return "Convert the Arabic numerals in the table of contents to Roman numerals."


@neg("politics")
def n_green_polled(r):
    return f"The Green Party polled {r.n(4, 12)}% in the latest survey, up two points on last month."


@neg("politics")
def n_conservative_conf(r):
    return "The Conservative Party conference will be held in Manchester this year."


@neg("event")
def n_orthodox_easter(r):
    return f"Is Orthodox Easter on a different date from Western Easter in {r.year(2025, 2030)}?"


@neg("idiom")
def n_went_dutch(r):
    return "We went Dutch on dinner and split the bill with the app."


@neg("product")
def n_massage(r):
    return "Swedish massage or Thai massage for lower back pain — which does the evidence support?"


@neg("clinical")
def n_je_vaccine(r):
    return "Japanese encephalitis vaccine: two doses 28 days apart before travel to rural areas during the monsoon."


@neg("clinical")
def n_med_diet(r):
    return "Counselled on the Mediterranean diet and reduced salt; follow-up lipids in 12 weeks."


@neg("institution")
def n_baptist_health(r):
    return f"Baptist Health's urgent care in {r.city()} closes at 9 pm on weekdays."


@neg("product")
def n_bjj(r):
    return "Brazilian jiu-jitsu classes start at 6 pm; beginners welcome, no gi required."


@neg("cuisine")
def n_buffet(r):
    return "French fries, Belgian waffles and Danish pastries are on the breakfast buffet until 10:30."


@neg("market")
def n_rupee(r):
    return "The Indian rupee weakened against the US dollar for the third straight session."


@neg("institution")
def n_african_union(r):
    return "The African Union summit will be held in Addis Ababa; the European Commission will send observers."


@neg("institution")
def n_catholic_univ(r):
    return "The Catholic University of Leuven offers an English-taught master's in economics."


@neg("language")
def n_hebrew_widget(r):
    return "Fix the bug where the Hebrew calendar widget shows the wrong month in the Arabic locale."


@neg("product")
def n_japanese_maple(r):
    return "The Japanese maple in our garden has leaf scorch — what can I do before autumn?"


@neg("product")
def n_souvenirs(r):
    return "Russian dolls, Chinese lanterns and Venetian masks are 20% off in the gift shop."


@neg("language")
def n_romance(r):
    return "Sort these alphabetically: Portuguese, Spanish, Italian, Romanian, French — the Romance languages we support."


@neg("history")
def n_armenian_genocide(r):
    return "Armenian Genocide Remembrance Day is observed on 24 April; draft a short note for the newsletter."


@neg("geo")
def n_irish_sea(r):
    return "The Irish Sea ferry crossing was cancelled due to storms; rebook for tomorrow."


@neg("cuisine")
def n_new_mexican(r):
    return "New Mexican green chile season starts in August; how do I roast and freeze them?"


@neg("stats")
def n_hispanic_share(r):
    st = r.pick(["Nevada", "Arizona", "Florida", "Georgia"])
    return f"The Hispanic share of the electorate in {st} rose to {r.n(12, 30)}% according to the report."


@neg("animal")
def n_scottish_fold(r):
    return "Our Scottish Fold kitten keeps scratching the sofa; would a Persian cat be calmer?"


@neg("institution")
def n_buddhist_temple(r):
    return "Check the Buddhist temple opening hours before we visit Kyoto on the weekend."


@neg("product")
def n_blinds(r):
    return "Roman blinds or Venetian blinds for a small bathroom window?"


@neg("history")
def n_kurdish_referendum(r):
    return "The Kurdish independence referendum of 2017 was not recognised by Baghdad."


@neg("product")
def n_leather(r):
    return "Write a product description for our Italian leather wallets and French linen shirts."


@neg("politics")
def n_debate(r):
    return "Democratic debate schedule and the Republican convention dates are in the attached PDF."


@neg("market")
def n_islamic_finance(r):
    return f"The Islamic finance market grew {r.n(5, 15)}% last year, led by sukuk issuance."


@neg("form")
def n_form_blank(r):
    return "Nationality: Prefer not to say\nReligion: \nEthnicity: Not stated\nDisability: No"


@neg("form")
def n_json_null(r):
    return '{"employee_id": "E-%d", "nationality": null, "religion": "not disclosed", "ethnicity": ""}' % r.n(1000, 9999)


@neg("form")
def n_csv_redacted(r):
    return f"id,name,nationality,religion,ethnicity\n{r.n(1, 99)},[REDACTED],[REDACTED],[REDACTED],[REDACTED]"


@neg("form")
def n_schema(r):
    return "Field 'religion' is optional in the HR schema; validation should accept null and an empty string."


@neg("language")
def n_yaml_locales(r):
    return "supported_locales:\n  - de-DE   # German\n  - fr-FR   # French\n  - tr-TR   # Turkish\n  - pt-BR   # Brazilian Portuguese"


@neg("form")
def n_country_field(r):
    c = r.pick(["Ghana", "Portugal", "Vietnam", "Chile", "Jordan", "Georgia"])
    return f"Country of issue: {c}\nPassport expiry: {r.date()}\nPlace of birth: {r.city()}"


@neg("stats")
def n_catholic_regions(r):
    return "Map the Catholic-majority regions of Germany against average church tax revenue."


@neg("idiom")
def n_white_noise(r):
    return "Turn on the white noise machine and put the black-box flight recorder summary on my desk."


@neg("geo")
def n_black_sea(r):
    return "Cruise itinerary: three days on the Black Sea, then the Greek islands and the Turkish Riviera."


@neg("company")
def n_companies(r):
    return "Compare Norwegian Air, Turkish Airlines and Swiss International on legroom for a 9-hour flight."


@neg("history")
def n_irish_famine(r):
    return "Recommend three books on the Irish Famine and the Greek debt crisis for a history podcast."


@neg("name")
def n_sarah_white(r):
    return f"Sarah White and Tom Brown from the {r.city()} office will join the call; Christian Baptiste is on leave."


@neg("product")
def n_cuban_cigars(r):
    return "Are Cuban cigars legal to import now, and is Scotch tape allowed in hand luggage?"


@neg("stats")
def n_jewish_population(r):
    return "What share of the world's Jewish population lives in Israel versus the United States?"


# =============================================================================== negatives: other languages
@neg("product", "de")
def nde_autos(r):
    return "Deutsche Autos sind teuer in der Wartung, vor allem die italienischen Modelle."


@neg("language", "de")
def nde_uebersetzen(r):
    return "Kannst du diesen Absatz ins Französische übersetzen und die Tabelle auf Englisch lassen?"


@neg("institution", "de")
def nde_kirche(r):
    return f"Die katholische Kirche hat einen neuen Bischof für {r.city('de')} ernannt."


@neg("cuisine", "de")
def nde_griechen(r):
    return "Gehen wir heute Abend zum Griechen essen oder lieber zum Vietnamesen um die Ecke?"


@neg("cuisine", "de")
def nde_kaffee(r):
    return "Türkischer Kaffee, Schweizer Schokolade und belgische Waffeln stehen auf der Einkaufsliste."


@neg("geo", "de")
def nde_grenze(r):
    return "Die polnische Grenze bei Görlitz ist wegen Bauarbeiten bis Freitag gesperrt."


@neg("politics", "de")
def nde_gruene(r):
    return "Die Grünen haben im Landtag einen Antrag zur Verkehrswende eingebracht; die CDU lehnt ihn ab."


@neg("name", "de")
def nde_schwarz(r):
    return "Frau Schwarz und Herr Christian Deutsch aus der Buchhaltung prüfen die Rechnung."


@neg("language", "fr")
def nfr_traduire(r):
    return "Pouvez-vous traduire ce contrat en anglais avant vendredi ?"


@neg("cuisine", "fr")
def nfr_restaurant(r):
    return f"On cherche un restaurant marocain ou libanais près de la gare de {r.city('fr')}."


@neg("institution", "fr")
def nfr_eglise(r):
    return "L'Église catholique a annoncé la canonisation de deux prêtres du XIXe siècle."


@neg("market", "fr")
def nfr_marche(r):
    return "Le marché chinois a reculé de 3 % cette semaine, entraînant les valeurs européennes."


@neg("cuisine", "fr")
def nfr_picnic(r):
    return "Fromage suisse, vin italien et chocolat belge pour le pique-nique de samedi."


@neg("geo", "fr")
def nfr_frontiere(r):
    return "La frontière espagnole est fermée aux poids lourds ce week-end à cause de la neige."


@neg("cuisine", "es")
def nes_peruana(r):
    return f"Busco un restaurante de comida peruana o mexicana en {r.city('es')} para el viernes."


@neg("language", "es")
def nes_traducir(r):
    return "Traduce este correo al inglés y al alemán, por favor, manteniendo el tono formal."


@neg("institution", "es")
def nes_iglesia(r):
    return "La Iglesia católica anunció cambios en la liturgia de Semana Santa."


@neg("market", "es")
def nes_mercado(r):
    return "El mercado japonés cerró con pérdidas y el peso mexicano se depreció un 1 %."


@neg("cuisine", "es")
def nes_tortilla(r):
    return "La tortilla española lleva huevo, patata y, para algunos, cebolla."


@neg("politics", "es")
def nes_pp(r):
    return "El Partido Popular presentó su programa electoral y el PSOE respondió con un comunicado."


@neg("cuisine", "pt")
def npt_nata(r):
    return f"Onde posso comprar pastel de nata português em {r.city('pt')}?"


@neg("language", "pt")
def npt_traduza(r):
    return "Traduza este texto para o espanhol e revise a versão em inglês."


@neg("institution", "pt")
def npt_igreja(r):
    return "A Igreja Católica anunciou o novo arcebispo de Braga nesta manhã."


@neg("product", "pt")
def npt_vinho(r):
    return "Vinho argentino ou chileno para o churrasco de domingo?"


@neg("geo", "pt")
def npt_fronteira(r):
    return "A fronteira uruguaia estava tranquila no feriado, segundo a Receita Federal."


@neg("cuisine", "it")
def nit_giapponese(r):
    return f"Conosci un buon ristorante giapponese o indiano a {r.city('it')}?"


@neg("language", "it")
def nit_tradurre(r):
    return "Puoi tradurre questa lettera in tedesco entro domani?"


@neg("institution", "it")
def nit_chiesa(r):
    return "La Chiesa cattolica ha annunciato il calendario degli eventi del Giubileo."


@neg("market", "it")
def nit_mercato(r):
    return "Il mercato cinese dell'auto elettrica cresce del 30 % rispetto all'anno scorso."


@neg("product", "it")
def nit_vino(r):
    return "Vino francese o spumante italiano per il matrimonio di giugno?"


@neg("cuisine", "nl")
def nnl_wafels(r):
    return f"Belgische wafels en Turkse pizza op de zaterdagmarkt in {r.city('nl')}."


@neg("language", "nl")
def nnl_vertalen(r):
    return "Kun je dit document naar het Engels vertalen en de Franse samenvatting inkorten?"


@neg("product", "nl")
def nnl_autos(r):
    return "Duitse auto's zijn duurder in onderhoud dan Japanse."


@neg("institution", "nl")
def nnl_kerk(r):
    return "De Katholieke Kerk kondigde een nieuwe bisschop aan voor het bisdom Utrecht."


@neg("product", "pl")
def npl_samochody(r):
    return "Niemieckie samochody są drogie w utrzymaniu, a japońskie rzadziej się psują."


@neg("language", "pl")
def npl_tlumacz(r):
    return "Czy możesz przetłumaczyć ten list na angielski?"


@neg("cuisine", "pl")
def npl_kuchnia(r):
    return "Kuchnia włoska czy japońska na firmową kolację w piątek?"


@neg("institution", "pl")
def npl_kosciol(r):
    return "Kościół katolicki ogłosił nowe zasady przygotowania do bierzmowania."


@neg("geo", "pl")
def npl_granica(r):
    return "Na granicy czeskiej tworzą się korki z powodu remontu mostu."


@neg("language", "sv")
def nsv_oversatt(r):
    return "Kan du översätta det här mejlet till engelska?"


@neg("product", "sv")
def nsv_bilar(r):
    return "Tyska bilar är dyra att reparera, men franska är inte mycket billigare."


@neg("cuisine", "sv")
def nsv_fika(r):
    return "Danska bakverk och grekisk yoghurt till fikat på fredag."


@neg("institution", "sv")
def nsv_kyrkan(r):
    return "Svenska kyrkan meddelade nya öppettider under sommaren."


@neg("product", "tr")
def ntr_arabalar(r):
    return "Alman arabaları pahalı ama dayanıklı; Japon arabaları daha az yakıyor."


@neg("language", "tr")
def ntr_cevir(r):
    return "Bu metni İngilizceye ve Fransızcaya çevirebilir misin?"


@neg("cuisine", "tr")
def ntr_mutfak(r):
    return "Akşam yemeği için Çin mutfağı mı, İtalyan restoranı mı?"


@neg("geo", "tr")
def ntr_yunan(r):
    return "Yunan adalarına feribot seferleri mayısta başlıyor."


@neg("cuisine", "tr")
def ntr_kahve(r):
    return "Misafirlere Türk kahvesi ve lokum ikram edildi."


@neg("institution")
def n_jewish_museum(r):
    return "The Jewish Museum Berlin has extended its opening hours; Catholic Charities runs the food bank next door."


@neg("cuisine")
def n_goulash(r):
    return "Hungarian goulash, Polish pierogi and a Georgian khachapuri — which freezes best for meal prep?"


@neg("market")
def n_peso(r):
    return "The Mexican peso and the Brazilian real both rallied after the Fed decision."


@neg("market", "de")
def nde_boerse(r):
    return "Der DAX schloss fester, während die asiatischen Börsen nachgaben und der Schweizer Franken zulegte."


@neg("politics", "fr")
def nfr_ps(r):
    return "Le Parti socialiste a publié son programme pour les municipales ; Les Républicains répondront lundi."


@neg("politics", "it")
def nit_pd(r):
    return "Il Partito Democratico ha presentato la lista per le regionali, la Lega non ha ancora deciso."


@neg("politics", "nl")
def nnl_peiling(r):
    return "De VVD verliest drie zetels in de nieuwste peiling, GroenLinks-PvdA wint er twee."


@neg("politics", "pl")
def npl_sondaz(r):
    return "Sondaż: PiS traci dwa punkty, a KO zyskuje jeden; PSL bez zmian."


@neg("politics", "sv")
def nsv_valmanifest(r):
    return "Socialdemokraterna presenterade sitt valmanifest i dag och Moderaterna svarade direkt."


@neg("politics", "tr")
def ntr_bildirge(r):
    return "CHP'nin seçim bildirgesi bugün açıklandı; AKP'nin bildirgesi haftaya bekleniyor."


@neg("politics", "pt")
def npt_pt(r):
    return "O PT anunciou os candidatos às eleições municipais e o PSDB adiou a convenção."


@neg("geo", "es")
def nes_andino(r):
    return "El altiplano boliviano y la costa peruana tienen climas muy distintos en julio."


# =============================================================================== assembly + self-check
def build_row(entry, rng):
    name, kind, lang, fn = entry
    del _intended[:]
    marked = fn(R(rng, lang))
    text, spans = render(marked)
    intended = list(_intended)
    return name, kind, lang, text, spans, intended


def check(text, spans, intended, polarity):
    errs = []
    if OPEN in text or CLOSE in text:
        errs.append("marker left in text")
    got = [text[s:e] for s, e in spans]
    if got != intended:
        errs.append(f"span texts {got} != intended {intended}")
    for s, e in spans:
        if not (0 <= s < e <= len(text)):
            errs.append(f"bad offsets {s}-{e}")
        elif text[s].isspace() or text[e - 1].isspace():
            errs.append(f"span on whitespace {s}-{e}")
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        if s2 < e1:
            errs.append("overlapping spans")
    if polarity == "neg" and spans:
        errs.append("negative row with spans")
    if polarity != "neg" and not spans:
        errs.append("positive row without spans")
    if not (1 <= len(text) <= 1000):
        errs.append("text length")
    return errs


def generate(rng):
    pos_pool = POS + MIX
    n_pos, n_neg = N_POSITIVE, N_ROWS - N_POSITIVE
    seen = set()
    picked = []  # (polarity, entry)

    def fill(pool, polarity, target):
        out = []
        order = list(pool)
        rng.shuffle(order)
        queue = order[:]  # every template once, then random re-use
        tries = 0
        while len(out) < target:
            tries += 1
            assert tries < 20000, f"cannot fill {polarity}"
            entry = queue.pop(0) if queue else rng.choice(pool)
            row = build_row(entry, rng)
            if row[3] in seen:
                continue
            seen.add(row[3])
            out.append((polarity if entry not in MIX else "mixed", row))
        return out

    picked += fill(pos_pool, "pos", n_pos)
    picked += fill(NEG, "neg", n_neg)
    rng.shuffle(picked)
    return picked


def main():
    assert len({e[0] for e in POS + MIX + NEG}) == len(POS + MIX + NEG), "duplicate template names"
    rng = random.Random(SEED)
    picked = generate(rng)
    rows, failures = [], []
    for i, (polarity, (tname, kind, lang, text, spans, intended)) in enumerate(picked, 1):
        rid = f"c12-{i:04d}"
        errs = check(text, spans, intended, polarity)
        if errs:
            failures.append((rid, tname, errs))
        rows.append({"id": rid, "text": text,
                     "spans": [{"start": s, "end": e, "label": "NRP"} for s, e in spans],
                     "label_scope": ["NRP"],
                     "meta": {"kind": kind, "polarity": polarity, "lang": lang, "template": tname}})
    if failures:
        for rid, t, errs in failures:
            for e in errs:
                print(f"SELF-CHECK FAIL {rid} [{t}]: {e}", file=sys.stderr)
        sys.exit(1)
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    assert len({r["text"] for r in rows}) == len(rows)
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(OUT, encoding="utf-8") as fh:
        back = [json.loads(line) for line in fh]
    assert back == rows
    for r in back:  # re-verify from the file: every span's text is what was intended
        for s in r["spans"]:
            frag = r["text"][s["start"]:s["end"]]
            assert frag and frag == frag.strip() and s["label"] == "NRP", (r["id"], frag)

    n_spans = sum(len(r["spans"]) for r in rows)
    with_spans = sum(1 for r in rows if r["spans"])
    used = {r["meta"]["template"] for r in rows}
    print(f"wrote {len(rows)} rows to {OUT}; self-check passed")
    print(f"rows: {len(rows)}  rows with spans: {with_spans} ({with_spans / len(rows):.0%})  "
          f"rows without: {len(rows) - with_spans}  total spans: {n_spans}")
    print(f"templates defined: {len(POS) + len(MIX) + len(NEG)} (pos {len(POS)}, mixed {len(MIX)}, neg {len(NEG)});"
          f" used: {len(used)}")
    print("polarity:", dict(Counter(r["meta"]["polarity"] for r in rows)))
    print("lang:", dict(sorted(Counter(r["meta"]["lang"] for r in rows).items())))
    print("kind (pos/mixed):", dict(sorted(Counter(r["meta"]["kind"] for r in rows if r["spans"]).items())))
    print("kind (neg):", dict(sorted(Counter(r["meta"]["kind"] for r in rows if not r["spans"]).items())))
    print("sample rows:")
    for r in random.Random(7).sample(rows, 10):
        print(" ", json.dumps({"id": r["id"], "text": r["text"],
                               "gold": [r["text"][s["start"]:s["end"]] for s in r["spans"]],
                               "kind": r["meta"]["kind"]}, ensure_ascii=False))


if __name__ == "__main__":
    main()

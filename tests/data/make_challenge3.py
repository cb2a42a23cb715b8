#!/usr/bin/env python3
"""Build tests/data/challenge3.jsonl: a third hand-written challenge set for scrim's STRUCTURED labels,
written blind to the detector code (nothing under src/ was read) as a held-out generalization check.

Emphasis (what challenge.jsonl / challenge2.jsonl have little of):
  * locales: Polish, Hungarian, Romanian, Greek, Turkish, Vietnamese, Indonesian, Thai, Korean, Japanese,
    Arabic (incl. Arabic-Indic digits), Hebrew, Hindi (Devanagari and romanised), Latin-American Spanish,
    Portuguese (PT and BR), Dutch, Danish, Norwegian, Swiss German, Czech;
  * formats: JSON, YAML, CSV with headers, log lines, e-mails with signatures, chat transcripts, Python / JS /
    SQL / shell snippets, Markdown tables, HL7 v2 and FHIR fragments, stack traces;
  * tricky positives (plus-tagged e-mails, obfuscated e-mails in other languages, compressed IPv6, URLs with
    ports and queries, personal dates in many languages and calendars, many secret formats) and hard
    negatives (order / tracking numbers, IPv4-shaped versions, UUIDs, SHAs, Luhn-invalid cards,
    check-invalid IBANs, masked values, placeholders, loopback / netmask, prices, log timestamps ...).

Same inline markup as make_challenge.py (whose checksum helpers and validators are imported from beside this
file), with an own seed and a few more helpers. Every checksum-bearing value is computed here, never typed,
and re-verified by independent checks below (Luhn, mod-97, NHS mod-11, SSN ranges, Base58Check / bech32).
Phone numbers are validated with `phonenumbers` (libphonenumber) when it is importable
(`--strict-phones` makes that mandatory). Rows may carry meta.locale for slicing.

Usage: python3 tests/data/make_challenge3.py [--out tests/data/challenge3.jsonl] [--strict-phones]
"""
from __future__ import annotations

import os
import random
import re
import string
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_challenge as mc  # noqa: E402

mc.RNG = random.Random(20251209)

# ------------------------------------------------------------------ extra IBAN countries (ISO 13616 registry)
mc.IBAN_LEN.update({"IL": 23, "JO": 30, "EG": 29})
mc.IBAN_BBAN.update({"IL": "n" * 19, "JO": "aaaa" + "n" * 4 + "c" * 18, "EG": "n" * 25})


# ------------------------------------------------------------------ extra helpers (deterministic, seeded)
def letter() -> str:
    return mc.RNG.choice("ABCDEFGHJKLMNPRSTUVWXYZ")


def _bban(cc: str, prefix: str, numeric: bool) -> str:
    pat = mc.IBAN_BBAN[cc]
    for ch, p in zip(prefix, pat):
        ok = ch.isdigit() if p == "n" else ch.isupper() and ch.isalpha() if p == "a" else ch.isalnum() if p == "c" else ch == p
        assert ok, (cc, prefix)
    rest = pat[len(prefix):]
    if numeric:  # real account numbers are mostly digits even where the format allows letters
        rest = rest.replace("c", "n")
    return prefix + mc._fill(rest)


def ibanb(cc: str, prefix: str, grouped: bool = False, numeric: bool = False) -> str:
    """IBAN with a realistic bank/branch prefix at the start of the BBAN; mod-97 check digits computed."""
    bban = _bban(cc, prefix, numeric)
    return mc._iban_fmt(cc + mc._iban_chk(cc, bban) + bban, grouped)


def badibanb(cc: str, prefix: str, grouped: bool = False, numeric: bool = False) -> str:
    """Same shape as ibanb(), but with wrong check digits (a realistic-looking check-invalid look-alike)."""
    bban = _bban(cc, prefix, numeric)
    good = int(mc._iban_chk(cc, bban))
    chk = "%02d" % mc.RNG.choice([c for c in range(2, 99) if c != good])
    return mc._iban_fmt(cc + chk + bban, grouped)


def akia() -> str:
    return mc.tok("AKIA", 16, string.ascii_uppercase + "234567")


def ghp() -> str:
    return mc.tok("ghp_", 36)


def ghpat() -> str:
    return "github_pat_" + mc.tok("", 22) + "_" + mc.tok("", 59)


def xoxb() -> str:
    return "xoxb-" + mc.digits(12) + "-" + mc.digits(13) + "-" + mc.tok("", 24)


def xoxp() -> str:
    return "xoxp-" + mc.digits(12) + "-" + mc.digits(12) + "-" + mc.digits(13) + "-" + mc.tok("", 32, "0123456789abcdef")


def aiza() -> str:
    return mc.tok("AIzaSy", 33, mc.B64URL)


def sklive() -> str:
    return mc.tok("sk_live_51", 97)


def glpat() -> str:
    return mc.tok("glpat-", 20, mc.B64URL)


def sendgrid() -> str:
    return "SG." + mc.tok("", 22, mc.B64URL) + "." + mc.tok("", 43, mc.B64URL)


def tgbot() -> str:
    return mc.digits(10) + ":AA" + mc.tok("", 33, mc.B64URL)


pemh = mc.pemh


def sha1() -> str:
    return mc.hexs(40)


def isbn13(first12: str) -> str:
    d = [int(c) for c in first12 if c.isdigit()]
    assert len(d) == 12
    chk = (10 - sum(x * (1 if i % 2 == 0 else 3) for i, x in enumerate(d)) % 10) % 10
    return first12 + str(chk)


def badluhn16(prefix: str, sep: str = " ") -> str:
    """16 digits that fail Luhn (a look-alike) -- grouped 4-4-4-4."""
    return mc.badcard(prefix, 16, sep)


# well-known public example addresses (valid checksums; re-verified below)
BTC_GENESIS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
BTC_P2SH_BIP = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
BTC_BECH32 = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
BTC_TAPROOT_BIP86 = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"
ETH_DAO = "0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe"
ETH_VB = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045"

for _name, _f in list(globals().items()):
    if callable(_f) and not _name.startswith("_") and _f.__module__ == __name__ and _name not in ("main", "R", "render", "build"):
        mc.HELPERS[_name] = _f
for _name in ("BTC_GENESIS", "BTC_P2SH_BIP", "BTC_BECH32", "BTC_TAPROOT_BIP86", "ETH_DAO", "ETH_VB"):
    mc.HELPERS[_name] = globals()[_name]

ROWS: list[tuple[str, str, str, str | None]] = []


def R(category: str, note: str, text: str, locale: str | None = None):
    ROWS.append((category, note, text, locale))


# ====================================================================== ROWS
# ---------------------------------------------------------------- phone numbers (national formats per country)
R("phone", "PL mobile +48 3-3-3 in courier note",
  "Dzień dobry, proszę o kontakt kuriera pod numerem ⟦PH@PL|+48 512 384 906⟧ przed dostawą. Przepisz to grzeczniej.", "pl")
R("phone", "PL CSV: landline 2-3-2-2 and dashed mobile",
  "Uporządkuj tę listę kontaktów:\nimie;dzial;telefon\nMarta;księgowość;⟦PH@PL|22 628 44 19⟧\nPiotr;magazyn;⟦PH@PL|605-318-772⟧", "pl")
R("phone", "HU national 06 mobile + Budapest landline",
  "Kérlek, fordítsd le angolra: „Hívjon a ⟦PH@HU|06 20 318 4472⟧ számon, vagy az irodát: ⟦PH@HU|+36 1 457 8800⟧.”", "hu")
R("phone", "HU 06-70/xxx-xxxx slash style in signature",
  "Üdvözlettel:\nKovács Réka\nértékesítési vezető\nMobil: ⟦PH@HU|06-70/384-2291⟧\nEzt az aláírást tedd rövidebbé.", "hu")
R("phone", "RO mobile with dots",
  "Bună, mă poți suna la ⟦PH@RO|0722.481.392⟧ după ora 18? Corectează-mi gramatica.", "ro")
R("phone", "RO +40 (0) mobile and Bucharest landline",
  "Semnătură e-mail:\nAndrei Popescu | Consultant\nM: ⟦PH@RO|+40 (0)744 318 227⟧ | T: ⟦PH@RO|+40 21 318 4470⟧", "ro")
R("phone", "GR mobile 69x national",
  "Το κινητό μου είναι ⟦PH@GR|694 318 4472⟧, στείλε μου μήνυμα όταν φτάσεις στο ξενοδοχείο. Μετάφρασε στα αγγλικά.", "el")
R("phone", "GR Athens landline in hotel footer",
  "Hotel footer to proofread: Ξενοδοχείο Ακρόπολις · Τηλ. ⟦PH@GR|210 324 8118⟧ · Reception 24/7", "el")
R("phone", "TR Istanbul landline with area in parens + 0 5xx mobile",
  "Şirket iletişim bilgileri: Merkez ofis ⟦PH@TR|(0212) 318 44 70⟧, acil durumlar için ⟦PH@TR|0 532 418 27 66⟧. Bunu İngilizceye çevir.", "tr")
R("phone", "VN mobile 4-3-3",
  "Số điện thoại của tôi là ⟦PH@VN|0983 481 227⟧, anh gọi sau 5 giờ chiều nhé. Dịch sang tiếng Anh giúp tôi.", "vi")
R("phone", "VN HCMC landline +84 28",
  "Văn phòng TP.HCM: ⟦PH@VN|+84 28 3822 4471⟧, hotline khách hàng ⟦PH@VN|091 318 4472⟧. Viết lại thành chữ ký email.", "vi")
R("phone", "ID mobile dashed 4-4-4 + Jakarta landline parens",
  "Tolong buatkan pesan WhatsApp: nomor saya ⟦PH@ID|0857 3148 2290⟧, kantor ⟦PH@ID|(021) 5790 3148⟧.", "id")
R("phone", "ID +62 mobile",
  "Kurir minta konfirmasi ke ⟦PH@ID|+62 813-1842-7731⟧ sebelum jam 3 sore. Bisa tolong tulis balasan sopan?", "id")
R("phone", "TH mobile 3-3-4",
  "ช่วยแปลเป็นภาษาอังกฤษ: ถ้ามีปัญหาโทรหาฉันที่ ⟦PH@TH|089 481 2277⟧ ได้ตลอดเวลา", "th")
R("phone", "TH +66 Bangkok landline",
  "The guesthouse in Bangkok listed ⟦PH@TH|+66 2 318 4470⟧ as reception. Can you draft a booking request in Thai?", "th")
R("phone", "KR +82 mobile and Seoul office",
  "명함 정리 부탁해요: 휴대폰 ⟦PH@KR|+82 10 3184 7726⟧, 사무실 ⟦PH@KR|02-3142-7719⟧.", "ko")
R("phone", "JP mobile 090 + free dial 0120",
  "この文を英語にしてください：「携帯は⟦PH@JP|090-3481-7726⟧、フリーダイヤルは⟦PH@JP|0120-481-229⟧です。」", "ja")
R("phone", "JP +81 Tokyo landline",
  "Our Tokyo partner's office line is ⟦PH@JP|+81 3-3481-2290⟧; write a polite meeting request in Japanese.", "ja")
R("phone", "SA +966 mobile in Arabic",
  "ترجم إلى الإنجليزية: للتواصل معي على الجوال ⟦PH@SA|+966 55 318 4472⟧ بعد الساعة الخامسة.", "ar")
R("phone", "AE mobile written in Arabic-Indic digits",
  "أعد صياغة الرسالة: رقم هاتفي ⟦PH@AE|٠٥٠ ٣١٨ ٤٤٧٤⟧ ويمكنكم الاتصال في أي وقت.", "ar")
R("phone", "EG +20 mobile",
  "Egyptian supplier contact: Mr. Hassan, ⟦PH@EG|+20 10 3184 4722⟧ (WhatsApp). Draft an Arabic greeting.", "ar")
R("phone", "IL mobile dashed + Tel Aviv landline",
  "תרגם לאנגלית: אפשר להשיג אותי בנייד ⟦PH@IL|054-318-7726⟧ או במשרד ⟦PH@IL|03-612-4471⟧.", "he")
R("phone", "IN +91 mobile in Devanagari text",
  "कृपया इसे अंग्रेज़ी में लिखें: मेरा मोबाइल नंबर ⟦PH@IN|+91 98481 37726⟧ है, शाम को कॉल करें।", "hi")
R("phone", "IN mobile in Devanagari digits",
  "इस संदेश को औपचारिक बनाइए: डॉक्टर साहब का नंबर ⟦PH@IN|०९८४८१ ३७७२६⟧ है।", "hi")
R("phone", "IN romanised Hindi, 5-5 mobile + Mumbai STD",
  "bhai mera naya number ⟦PH@IN|98193 42277⟧ hai, office ka ⟦PH@IN|(022) 2481 3390⟧ hai — isko English mein likh do", "hi-Latn")
R("phone", "MX +52 CDMX",
  "¿Me ayudas a escribir un recordatorio? El consultorio es ⟦PH@MX|+52 55 4812 7731⟧ y abre a las 9.", "es-MX")
R("phone", "AR Buenos Aires landline 011",
  "Che, el teléfono de la inmobiliaria es ⟦PH@AR|011 4832-7720⟧, ¿me armás un mail para pedir la visita?", "es-AR")
R("phone", "PE mobile + CO landline",
  "Contactos del proyecto: Lima ⟦PH@PE|+51 987 481 226⟧, Bogotá ⟦PH@CO|+57 601 482 7731⟧. Haz una tabla.", "es-419")
R("phone", "VE 0414 mobile + EC +593 + UY national",
  "Lista de choferes:\n- Caracas: ⟦PH@VE|0414-318-4472⟧\n- Quito: ⟦PH@EC|+593 99 318 4472⟧\n- Montevideo: ⟦PH@UY|099 481 227⟧", "es-419")
R("phone", "CL Santiago landline",
  "Oficina central en Santiago: ⟦PH@CL|+56 2 2481 3390⟧. Redacta una respuesta al reclamo del cliente.", "es-CL")
R("phone", "PT Lisbon landline + mobile",
  "Reescreve de forma mais formal: liga-me para o ⟦PH@PT|913 481 227⟧ ou para o escritório, ⟦PH@PT|+351 213 481 229⟧.", "pt-PT")
R("phone", "BR mobile with 9.xxxx-xxxx dot + BH landline",
  "Me ajuda a responder o cliente? O celular dele é ⟦PH@BR|(11) 9.8431-4427⟧ e o fixo da empresa ⟦PH@BR|+55 (31) 3481-2290⟧.", "pt-BR")
R("phone", "NL +31 (0)20 landline + 06 mobile",
  "Zet dit in de mailhandtekening: kantoor ⟦PH@NL|+31 (0)20 481 2290⟧, mobiel ⟦PH@NL|06-31 84 22 77⟧.", "nl")
R("phone", "DK +45 mobile pairs",
  "Kan du skrive en sms til håndværkeren? Han har nummer ⟦PH@DK|+45 28 41 77 39⟧.", "da")
R("phone", "NO mobile 3-2-3 + Oslo landline",
  "Legekontoret har telefon ⟦PH@NO|22 48 17 73⟧, og fastlegen ba meg sende sms til ⟦PH@NO|+47 412 83 774⟧. Skriv meldingen.", "nb")
R("phone", "CH Natel 079 + Bern landline",
  "Bitte Briefkopf gestalten: Praxis Dr. Keller · Tel. ⟦PH@CH|031 318 44 70⟧ · Natel ⟦PH@CH|079 318 44 72⟧", "de-CH")
R("phone", "CH +41 (0)79 in Swiss German chat",
  "Chasch mir es SMS schriibe? Mini Nummere isch ⟦PH@CH|+41 (0)79 481 22 90⟧, aber nöd vor de Nüüne aalüte.", "gsw")
R("phone", "CZ mobile + Prague landline",
  "Napiš e-mail dodavateli: volat můžete na ⟦PH@CZ|777 318 442⟧ nebo na pevnou linku ⟦PH@CZ|+420 224 812 290⟧.", "cs")
R("phone", "DE slash formats 0171/ and 030/",
  "Telefonliste vereinheitlichen:\nFrau Lange: ⟦PH@DE|0171/4839226⟧\nPraxis: ⟦PH@DE|030/48172290⟧\nHandy Herr Brandt: ⟦PH@DE|0176 / 3184 4270⟧", "de")
R("phone", "US +1 mobile in Spanish (Miami)",
  "Escríbele a mi prima que la llamo al ⟦PH@US|+1 786-481-2291⟧ cuando aterrice en Miami.", "es-US")
R("phone", "phone in JSON contact record (E.164 compact)",
  '{"customer": {"id": 88213, "phone": "⟦PH@PL|+48605318773⟧", "lang": "pl"}, "channel": "sms"}\nWhy does the SMS gateway reject this payload?', "pl")
R("phone", "phones in YAML on-call roster",
  "oncall:\n  primary:\n    name: Bui Thi Lan\n    phone: \"⟦PH@VN|+84 91 318 4472⟧\"\n  secondary:\n    name: Somchai P.\n    phone: \"⟦PH@TH|+66 81 318 4472⟧\"\nConvert this to a Markdown table.", "vi")

# ---------------------------------------------------------------- personal dates in many languages
R("date", "PL birth date dd.mm.yyyy r. (r. outside span) + appointment",
  "Przetłumacz na angielski: Pacjent urodzony ⟦DT|14.07.1983⟧ r., wizyta kontrolna ⟦DT|15 kwietnia⟧ o ⟦DT|10:30⟧.", "pl")
R("date", "HU year-first date with case suffix",
  "Fordítsd le: A páciens ⟦DT|1979. március 4⟧-én született, a felvétel ⟦DT|2025. február 27⟧-én történt.", "hu")
R("date", "RO birth + appointment",
  "Traduce în engleză: pacienta, născută la ⟦DT|12 martie 1985⟧, are programare pe ⟦DT|15 aprilie⟧, ora ⟦DT|9:40⟧.", "ro")
R("date", "GR birth genitive month + appointment",
  "Μετάφρασε: Ο ασθενής γεννήθηκε στις ⟦DT|5 Μαΐου 1982⟧ και το ραντεβού του είναι στις ⟦DT|15/04/2025⟧ στις ⟦DT|10:30⟧.", "el")
R("date", "TR appointment month name + saat",
  "Bu SMS'i düzelt: Sayın hastamız, randevunuz ⟦DT|3 Nisan 2025⟧ saat ⟦DT|14:30⟧ olarak planlanmıştır.", "tr")
R("date", "TR DOB dotted in form",
  "Başvuru formu: Ad Soyad: Elif Şahin, Doğum tarihi: ⟦DT|14.07.1990⟧, Uyruk: TC. Formu İngilizceye çevir.", "tr")
R("date", "VN sinh ngày dd/mm/yyyy + lúc time",
  "Dịch sang tiếng Anh: Bệnh nhân sinh ngày ⟦DT|12/03/1985⟧, nhập viện lúc ⟦DT|21:15⟧ ngày ⟦DT|03/03/2025⟧.", "vi")
R("date", "VN ngày ... tháng ... năm form",
  "Giấy mời: Kính mời anh Trần Minh Quân dự phỏng vấn vào ⟦DT|ngày 8 tháng 4 năm 2025⟧. Viết lại trang trọng hơn.", "vi")
R("date", "ID lahir + kontrol with weekday and pukul",
  "Tolong terjemahkan: Pasien lahir ⟦DT|17 Agustus 1988⟧, jadwal kontrol ⟦DT|Senin, 14 April 2025⟧ pukul ⟦DT|09.00⟧.", "id")
R("date", "TH birth in Buddhist-era year",
  "ช่วยแปลเป็นภาษาอังกฤษ: ผู้ป่วยเกิดวันที่ ⟦DT|5 มีนาคม 2528⟧ นัดตรวจครั้งต่อไป ⟦DT|12 เม.ย. 2568⟧ เวลา ⟦DT|10:30⟧", "th")
R("date", "KR year-month-day + 오후 time",
  "영어로 번역해 주세요: 진료 예약은 ⟦DT|2025년 4월 3일⟧ ⟦DT|오후 2시 30분⟧입니다. 생년월일 ⟦DT|1985.03.12⟧ 확인 부탁드립니다.", "ko")
R("date", "JP Showa-era birth date",
  "英訳してください：氏名 佐藤健、⟦DT|昭和60年3月12日⟧生まれ、入社日は⟦DT|2019年4月1日⟧です。", "ja")
R("date", "JP reservation date + 24h time",
  "このメールを丁寧にしてください：予約は⟦DT|4月18日⟧の⟦DT|14:30⟧でお願いします。", "ja")
R("date", "AR DOB numeric + appointment with month name",
  "ترجم: تاريخ الميلاد ⟦DT|12/03/1985⟧، وموعد المراجعة في ⟦DT|15 أبريل 2025⟧ الساعة ⟦DT|10:30⟧.", "ar")
R("date", "HE birth date after ב- prefix",
  "תרגם לאנגלית: המטופל נולד ב-⟦DT|12.3.1985⟧ ואושפז ב-⟦DT|2.4.2025⟧.", "he")
R("date", "HI Devanagari month name DOB",
  "इसे अंग्रेज़ी में अनुवाद करें: मरीज़ की जन्म तिथि ⟦DT|15 अगस्त 1990⟧ है और अगली जाँच ⟦DT|3 अप्रैल 2025⟧ को है।", "hi")
R("date", "HI romanised appointment",
  "doctor ka appointment ⟦DT|3 April⟧ ko ⟦DT|11:30⟧ pe hai, mummy ko reminder message likh do please", "hi-Latn")
R("date", "ES-MX nacido el ... de ... de",
  "Redacta la carta: el señor Ruiz, nacido el ⟦DT|3 de mayo de 1958⟧, ingresó al hospital el ⟦DT|2 de marzo de 2025⟧.", "es-MX")
R("date", "ES-AR turno with weekday and a las",
  "Recordame el turno con la dermatóloga: ⟦DT|jueves 17 de abril⟧ a las ⟦DT|9:30⟧. Escribilo como SMS.", "es-AR")
R("date", "PT-PT nascido a + consulta",
  "Escreve uma carta: o utente, nascido a ⟦DT|3 de maio de 1988⟧, tem consulta no dia ⟦DT|22/04/2025⟧ às ⟦DT|14h30⟧.", "pt-PT")
R("date", "PT-BR nascida em dd/mm/aaaa + admissão",
  "Resuma o prontuário: paciente nascida em ⟦DT|03/05/1988⟧, admitida em ⟦DT|28/02/2025⟧ com dor abdominal.", "pt-BR")
R("date", "NL geboren op + afspraak dd-mm-yyyy",
  "Vertaal naar het Engels: mevrouw De Vries, geboren op ⟦DT|3 mei 1949⟧, heeft een afspraak op ⟦DT|15-04-2025⟧ om ⟦DT|09:45⟧.", "nl")
R("date", "DA født den + tid kl.",
  "Oversæt til engelsk: Patienten er født den ⟦DT|3. maj 1988⟧ og har tid hos lægen ⟦DT|tirsdag den 8. april⟧ kl. ⟦DT|10.15⟧.", "da")
R("date", "NO født + innlagt",
  "Oversett: Pasienten, født ⟦DT|14. februar 1979⟧, ble innlagt ⟦DT|2. mars 2025⟧ og utskrevet ⟦DT|7. mars 2025⟧.", "nb")
R("date", "CH geboren am + Termin with Uhr",
  "Bitte ins Englische: Herr Meier, geboren am ⟦DT|3. Mai 1961⟧, hat einen Termin am ⟦DT|Dienstag, 8. April⟧ um ⟦DT|14.30 Uhr⟧.", "de-CH")
R("date", "CS narozena + month genitive",
  "Přelož do angličtiny: Pacientka narozena ⟦DT|3. května 1988⟧, přijata ⟦DT|27. 2. 2025⟧.", "cs")
R("date", "FR-CA né le + rendez-vous with 14 h 30",
  "Traduis en anglais : M. Tremblay, né le ⟦DT|12 mars 1956⟧, a rendez-vous à la clinique le ⟦DT|mardi 8 avril⟧ à ⟦DT|14 h 30⟧.", "fr-CA")
R("date", "EN HR: hire date and last day",
  "Draft the reference letter: Ana worked with us from ⟦DT|September 2, 2019⟧ until ⟦DT|January 31, 2025⟧ as a nurse.", "en")
R("date", "EN travel: flights out and back",
  "I fly Hanoi → Seoul on ⟦DT|12 May⟧ at ⟦DT|23:55⟧ and come back on ⟦DT|19 May⟧; build me a packing list.", "en")
R("date", "CSV with birth_date column (ISO) and created_at (system, unlabelled)",
  "Find duplicates:\nid,name,birth_date,created_at\n1,Nguyễn An,⟦DT|1985-03-12⟧,2025-01-04T08:00:00Z\n2,Nguyen An,⟦DT|1985-03-12⟧,2025-02-11T09:30:00Z", "vi")

# ---------------------------------------------------------------- non-personal dates, timestamps, ages (hard negatives)
R("neg_date", "PL public holidays list",
  "Wypisz dni wolne: 1 stycznia, 6 stycznia, 3 maja, 15 sierpnia, 1 listopada, 11 listopada, 25 i 26 grudnia.", "pl")
R("neg_date", "VN Tet holiday dates",
  "Tết Nguyên Đán năm 2025 rơi vào ngày 29/01/2025; công ty nghỉ từ 25/01 đến 02/02. Viết thông báo nghỉ lễ.", "vi")
R("neg_date", "ID independence day (historical)",
  "Jelaskan singkat: Proklamasi Kemerdekaan Indonesia dibacakan pada 17 Agustus 1945 pukul 10.00 di Jakarta.", "id")
R("neg_date", "KR national holidays",
  "광복절(8월 15일)과 개천절(10월 3일)의 유래를 설명해 주세요.", "ko")
R("neg_date", "JP Golden Week office closure",
  "社内告知を作成：ゴールデンウィーク期間（4月29日〜5月6日）は休業いたします。", "ja")
R("neg_date", "TR law effective date + law number",
  "6698 sayılı Kişisel Verilerin Korunması Kanunu 7 Nisan 2016 tarihinde yürürlüğe girdi. Özetle.", "tr")
R("neg_date", "GR law number with year (not a date)",
  "Εξήγησε τον νόμο 4624/2019 για τα προσωπικά δεδομένα και πότε ψηφίστηκε (29 Αυγούστου 2019).", "el")
R("neg_date", "HU regulation effective date",
  "Foglald össze: a rendelet 2024. január 1-jétől hatályos, a türelmi idő 2024. június 30-ig tart.", "hu")
R("neg_date", "software release and EOL dates",
  "Android 15 was released on 15 October 2024; iOS 17 support ends in September 2025. Which should our app target?", "en")
R("neg_date", "Python logging timestamps with comma millis",
  "2025-03-04 02:17:09,331 - worker - ERROR - Task retry limit reached\n2025-03-04 02:17:10,002 - worker - INFO - Shutting down\nWhy does it stop?", "en")
R("neg_date", "nginx error log timestamp (slash date)",
  "2025/03/04 02:17:09 [error] 3121#3121: *88 upstream timed out (110: Connection timed out) while reading response header — fix?", "en")
R("neg_date", "ages, durations and relative dates",
  "Bệnh nhân 67 tuổi, ho 3 tuần, hút thuốc 40 năm; hôm qua sốt 38,5 °C. Chẩn đoán phân biệt?", "vi")
R("neg_date", "flight schedule without a traveller (timetable)",
  "Lịch bay: VN254 khởi hành 06:00, VN256 khởi hành 07:00 hằng ngày. Lập bảng so sánh giá vé.", "vi")
R("neg_date", "financial quarters and report deadlines",
  "O relatório do 1.º trimestre (1 de janeiro a 31 de março) deve ser entregue até 30 de abril. Faz uma checklist.", "pt-PT")
R("neg_date", "Arabic national day",
  "اكتب فقرة عن اليوم الوطني السعودي الذي يوافق 23 سبتمبر من كل عام.", "ar")
R("neg_date", "Hindi Republic Day",
  "गणतंत्र दिवस 26 जनवरी 1950 से मनाया जाता है। इस पर एक छोटा भाषण लिखिए।", "hi")
R("neg_date", "cron + k8s job durations",
  "schedule: \"30 2 * * *\"  # 02:30 every day\nactiveDeadlineSeconds: 3600\nExplain this CronJob.", "en")

# ---------------------------------------------------------------- e-mail addresses
R("email", "plus-tag + subdomain",
  "Forward the invoice to ⟦EM|anna.kowalska+faktury@mail.biuro-rachunkowe.com.pl⟧, not to my personal inbox.", "pl")
R("email", "plus-tag with digits and multi-level ccTLD",
  "Đăng ký tài khoản bằng ⟦EM|tran.minh+shop2025@student.hcmus.edu.vn⟧ được không? Viết hướng dẫn.", "vi")
R("email", "Polish obfuscation with 'małpa' and 'kropka'",
  "Napisz do mnie: ⟦EM|jan.nowak małpa poczta kropka onet kropka pl⟧ — albo po prostu odpowiedz tutaj.", "pl")
R("email", "Spanish obfuscation 'arroba' 'punto'",
  "Mi correo es ⟦EM|lucia.fernandez arroba gmail punto com⟧, escríbeme el presupuesto.", "es-419")
R("email", "Japanese full-width ＠ anti-spam form",
  "お問い合わせは ⟦EM|info＠sakura-dental.jp⟧ まで（＠を半角に変えてください）。この案内文を英訳して。", "ja")
R("email", "email in angle brackets in Hungarian header",
  "Feladó: Kiss Péter <⟦EM|kiss.peter@ceg-kft.hu⟧>\nTárgy: árajánlat\nÍrj udvarias választ.", "hu")
R("email", "uppercase email in Korean text",
  "계정 이메일이 ⟦EM|JIHOON.PARK@KAKAO-CORP.CO.KR⟧인데 로그인이 안 돼요. 고객센터에 보낼 글 써 주세요.", "ko")
R("email", "email in Hebrew text (RTL)",
  "כתוב מייל קצר ל-⟦EM|noa.levi@tau-research.ac.il⟧ ותבקש לדחות את הפגישה.", "he")
R("email", "email in Arabic text",
  "أرسل السيرة الذاتية إلى ⟦EM|careers.riyadh@alnoor-group.sa⟧ قبل نهاية الأسبوع.", "ar")
R("email", "email list in SQL WHERE IN",
  "SELECT * FROM users WHERE email IN ('⟦EM|g.oliveira@uol.com.br⟧', '⟦EM|f.santos+teste@empresa.com.br⟧');\nOptimize this query.", "pt-BR")
R("email", "email in git log author line",
  "commit " + "⟦_|=sha1()⟧" + "\nAuthor: Lars Bakke <⟦EM|lars.bakke@uio.no⟧>\n\n    fix typo\nSquash this with the previous commit.", "nb")
R("email", "Thai support message with email",
  "ช่วยเขียนอีเมลถึงฝ่ายบริการลูกค้า: อีเมลบัญชีของฉันคือ ⟦EM|somsri.k@hotmail.co.th⟧ แต่รีเซ็ตรหัสผ่านไม่ได้", "th")
R("email", "Romanian email with hyphen and digits",
  "Trimite oferta la ⟦EM|office-2024@constructii-brasov.ro⟧ și pune-mă în CC.", "ro")

# ---------------------------------------------------------------- payment cards
R("card", "Visa grouped in Polish complaint",
  "Napisz reklamację: obciążono moją kartę ⟦CC|=card('4', 16, ' ')⟧ dwukrotnie za to samo zamówienie.", "pl")
R("card", "Mastercard 2-series in Turkish chat",
  "Kart numaram ⟦CC|=card('2221', 16, ' ')⟧, son kullanma 09/28 — ödeme neden reddediliyor?", "tr")
R("card", "JCB compact in Japanese",
  "カード番号 ⟦CC|=card('3530', 16)⟧ の引き落としが二重になっています。問い合わせ文を書いて。", "ja")
R("card", "UnionPay 19-digit in Korean",
  "은련카드 번호는 ⟦CC|=card('62', 19, ' ')⟧ 입니다. 해외 결제 오류 문의 메일을 써 주세요.", "ko")
R("card", "Amex 4-6-5 in Hebrew",
  "תנסח מכתב לחברת האשראי: חויבתי פעמיים בכרטיס ⟦CC|=card('37', 15, ' ')⟧.", "he")
R("card", "RuPay (65 IIN) dashed in romanised Hindi",
  "mera RuPay card ⟦CC|=card('6521', 16, '-')⟧ block karwana hai, bank ko email likh do", "hi-Latn")
R("card", "Elo (636368) in BR e-commerce JSON",
  '{"pagamento": {"bandeira": "elo", "numero": "⟦CC|=card(\'636368\', 16)⟧", "parcelas": 3}}\nPor que a API recusa esse JSON?', "pt-BR")
R("card", "Visa in Vietnamese support chat",
  "Khách: thẻ của tôi là ⟦CC|=card('4', 16, ' ')⟧, bị trừ tiền 2 lần.\nNhân viên: ...\nViết câu trả lời của nhân viên.", "vi")

# ---------------------------------------------------------------- IBANs (mod-97 computed)
R("iban", "PL IBAN grouped with real bank prefix",
  "Proszę o przelew na konto ⟦IBAN|=ibanb('PL', '10901014', True)⟧ do końca miesiąca. Napisz to formalnie.", "pl")
R("iban", "HU IBAN grouped",
  "Utalás: ⟦IBAN|=ibanb('HU', '11773016', True)⟧, közlemény: bérleti díj március. Fordítsd le angolra.", "hu")
R("iban", "RO IBAN compact (letters in BBAN)",
  "Plata se face în contul ⟦IBAN|=ibanb('RO', 'BTRLRONCRT', numeric=True)⟧ deschis la Banca Transilvania.", "ro")
R("iban", "GR IBAN 27 chars grouped",
  "Στοιχεία πληρωμής: IBAN ⟦IBAN|=ibanb('GR', '0110125', True, numeric=True)⟧, δικαιούχος Π. Νικολάου.", "el")
R("iban", "TR IBAN compact",
  "Kira için IBAN'ım ⟦IBAN|=ibanb('TR', '00062', numeric=True)⟧, açıklamaya daire numarasını yazın.", "tr")
R("iban", "PT IBAN grouped",
  "Para o reembolso, o meu IBAN é ⟦IBAN|=ibanb('PT', '0035', True)⟧. Escreve o e-mail à seguradora.", "pt-PT")
R("iban", "NL IBAN compact in Dutch",
  "Maak een betaalverzoek: IBAN ⟦IBAN|=ibanb('NL', 'INGB')⟧ t.n.v. J. de Boer, bedrag € 45,00.", "nl")
R("iban", "DK + NO IBANs in CSV",
  "navn;iban;beløb\nMette;⟦IBAN|=ibanb('DK', '3000')⟧;1200\nOla;⟦IBAN|=ibanb('NO', '1503')⟧;950\nSummér beløbene.", "da")
R("iban", "CH IBAN grouped in Swiss German",
  "Chönd Sie mir de Betrag uf ⟦IBAN|=ibanb('CH', '00700', True, numeric=True)⟧ überwiise? Bitte formell umformuliere.", "gsw")
R("iban", "CZ IBAN grouped",
  "Zálohu prosím pošlete na ⟦IBAN|=ibanb('CZ', '0800', True)⟧, do zprávy uveďte číslo smlouvy.", "cs")
R("iban", "SA IBAN in Arabic",
  "رقم الآيبان الخاص بي ⟦IBAN|=ibanb('SA', '80', numeric=True)⟧ — اكتب رسالة لطلب استرداد المبلغ.", "ar")
R("iban", "IL IBAN in Hebrew",
  "פרטי העברה: ⟦IBAN|=ibanb('IL', '010', True)⟧ — נסח בקשה להחזר כספי.", "he")
R("iban", "JO + AE IBANs in JSON payroll",
  '{"payroll": [{"emp": 17, "iban": "⟦IBAN|=ibanb(\'JO\', \'ARAB\', numeric=True)⟧"}, {"emp": 18, "iban": "⟦IBAN|=iban(\'AE\')⟧"}]}\nValidate this payload schema.', "ar")
R("iban", "BR IBAN (29 chars) in Portuguese",
  "Para transferência internacional use o IBAN ⟦IBAN|=iban('BR')⟧ e o SWIFT BRASBRRJ.", "pt-BR")

# ---------------------------------------------------------------- US identifiers in other-language contexts
R("ssn", "SSN dashed in Spanish (US resident)",
  "Llena conmigo el formulario: mi número de Seguro Social es ⟦SSN|=ssn('-')⟧ y trabajo en Texas.", "es-US")
R("ssn", "SSN spaced in Vietnamese",
  "Số an sinh xã hội (SSN) của mẹ tôi là ⟦SSN|=ssn(' ')⟧, điền vào đơn xin Medicare thế nào?", "vi")
R("ssn", "SSN compact in Korean",
  "미국 세금 신고서에 SSN ⟦SSN|=ssn('')⟧ 을 어디에 적어야 하나요?", "ko")
R("ssn", "SSN in Python dict",
  "applicant = {\"name\": \"Diego Ramos\", \"ssn\": \"⟦SSN|=ssn('-')⟧\", \"state\": \"AZ\"}\nHow do I mask the SSN before logging?", "en")
R("ssn", "SSN in CSV with masked decoy in another row",
  "employee_id,ssn,dept\nE-1042,⟦SSN|=ssn('-')⟧,ops\nE-1043,***-**-4417,hr\nWhy is row 2 masked?", "en")
R("nhs", "NHS number in Polish (UK resident)",
  "Przetłumacz list z przychodni: NHS number ⟦NHS|=nhs(' ')⟧, skierowanie do kardiologa.", "pl")
R("nhs", "NHS compact in romanised Hindi",
  "mummy ka NHS number ⟦NHS|=nhs('')⟧ hai, GP ko appointment ke liye email likh do", "hi-Latn")
R("nhs", "NHS dashed in Romanian",
  "Am primit o scrisoare de la spital cu NHS No ⟦NHS|=nhs('-')⟧. Ce înseamnă?", "ro")
R("nhs", "NHS in FHIR identifier (urn:oid system)",
  '{"resourceType": "Patient", "identifier": [{"system": "urn:oid:2.16.840.1.113883.2.1.4.1", "value": "⟦NHS|=nhs(\'\')⟧"}]}\nIs this the right OID for NHS numbers?', "en")
R("passport", "US passport 9 digits in Spanish",
  "Para la visa me piden el número de pasaporte estadounidense: ⟦PP|=digits(9)⟧. ¿Cómo lleno la casilla?", "es-US")
R("passport", "US passport letter+8 in Vietnamese",
  "Số hộ chiếu Mỹ của tôi là ⟦PP|=letter()+digits(8,'0123456789')⟧, hết hạn năm 2031. Điền đơn xin visa Việt Nam thế nào?", "vi")
R("passport", "US passport in Korean booking",
  "항공권 예약에 미국 여권번호 ⟦PP|=digits(9)⟧ 를 넣었는데 오류가 나요.", "ko")
R("passport", "US passport in Markdown traveller table",
  "| Traveller | Document | Number |\n|---|---|---|\n| M. Alvarez | US passport | ⟦PP|=letter()+digits(8,'0123456789')⟧ |\nAdd a column for expiry.", "en")
R("dl", "CA DL in Spanish",
  "Mi licencia de manejo de California es ⟦DL|=letter()+digits(7,'0123456789')⟧, ¿sirve como identificación en el aeropuerto?", "es-US")
R("dl", "TX DL 8 digits in Vietnamese",
  "Bằng lái xe Texas của tôi số ⟦DL|=digits(8)⟧, tôi chuyển sang California thì đổi thế nào?", "vi")
R("dl", "FL DL dashed in Portuguese",
  "Minha carteira de motorista da Flórida: ⟦DL|=letter()+digits(3,'0123456789')+'-'+digits(3,'0123456789')+'-'+digits(2,'0123456789')+'-'+digits(3,'0123456789')+'-'+digits(1,'0123456789')⟧. Preciso trocar o endereço.", "pt-BR")
R("dl", "IL DL dashed 4-4-4 in Polish",
  "Prawo jazdy z Illinois nr ⟦DL|=letter()+digits(3,'0123456789')+'-'+digits(4,'0123456789')+'-'+digits(4,'0123456789')⟧ — czy mogę nim jeździć w Polsce?", "pl")
R("dl", "NY DL 9 digits in Korean rental form",
  "렌터카 양식: 운전면허 (NY) ⟦DL|=digits(9)⟧, 만료 2028. 영어로 정리해 주세요.", "ko")
R("bank", "US checking account in Spanish with routing (unlabelled)",
  "Para el depósito directo: número de ruta ⟦_|=aba()⟧, número de cuenta ⟦BANK|=digits(10)⟧ (Chase, cuenta corriente).", "es-US")
R("bank", "US account in Vietnamese",
  "Số tài khoản Bank of America của tôi là ⟦BANK|=digits(12)⟧, làm sao để nhận tiền lương trực tiếp?", "vi")
R("bank", "US account in YAML payroll config",
  "direct_deposit:\n  routing_number: \"⟦_|=aba()⟧\"\n  account_number: \"⟦BANK|=digits(11)⟧\"\n  type: savings\nIs this YAML valid?", "en")
R("bank", "US account in Korean",
  "미국 은행 계좌번호 ⟦BANK|=digits(9)⟧ (Wells Fargo)로 환불을 요청하는 이메일을 써 주세요.", "ko")

# ---------------------------------------------------------------- clinical identifiers
R("mrn", "MRN in Vietnamese discharge note",
  "Tóm tắt bệnh án: Mã bệnh nhân (MRN) ⟦MRN|=digits(8)⟧, chẩn đoán viêm phổi, xuất viện ổn định.", "vi")
R("mrn", "Korean 등록번호 hospital patient number",
  "환자 등록번호 ⟦MRN|=digits(8)⟧ 의 검사 결과지를 영어로 요약해 주세요.", "ko")
R("mrn", "Japanese カルテ番号",
  "カルテ番号：⟦MRN|=digits(7)⟧\n主訴：頭痛\nこの紹介状を英語にしてください。", "ja")
R("mrn", "Polish hospital record number",
  "Wypis ze szpitala, nr historii choroby ⟦MRN|=digits(6)⟧. Streść dla pacjenta prostym językiem.", "pl")
R("mrn", "Dutch patiëntnummer",
  "Verwijsbrief: patiëntnummer ⟦MRN|=digits(7)⟧, graag echo van de buik. Vertaal naar het Engels.", "nl")
R("mrn", "Hebrew medical record number",
  "סכם את המכתב: מספר תיק רפואי ⟦MRN|=digits(8)⟧, אבחנה: דלקת ריאות.", "he")
R("health_plan", "Medicare MBI in Spanish",
  "Mi número de Medicare es ⟦HP|=mbi()⟧. ¿Me ayudas a escribir una apelación?", "es-US")
R("health_plan", "MBI dashed in Vietnamese",
  "Thẻ Medicare của bố tôi ghi số ⟦HP|=mbi(True)⟧. Giải thích các phần A và B giúp tôi.", "vi")
R("health_plan", "member ID in Korean",
  "보험 회원번호(Member ID) ⟦HP|=letter()+letter()+letter()+digits(9,'0123456789')⟧ 로 청구가 거절됐어요. 항의 메일 써 주세요.", "ko")
R("health_plan", "Medicaid ID in Portuguese",
  "Meu Medicaid ID é ⟦HP|=digits(10)⟧ e a farmácia recusou a receita. Como recorro?", "pt-BR")
R("health_plan", "Dutch health insurance policy number",
  "Mijn zorgverzekering polisnummer ⟦HP|=digits(9)⟧ — schrijf een bezwaar tegen de afwijzing van de fysiotherapie.", "nl")

# ---------------------------------------------------------------- network identifiers
R("ip", "IPv6 compressed in Polish firewall question",
  "Dlaczego ruch z ⟦IP|2a02:a311:813f:2a00::4e1⟧ jest blokowany przez zaporę? Adres IPv4 to ⟦IP|83.24.117.90⟧.", "pl")
R("ip", "IPv6 in nginx listen directive (brackets and port outside span)",
  "server {\n    listen [⟦IP|2001:db8:85a3::8a2e:370:7334⟧]:8443 ssl;\n    server_name _;\n}\nnginx -t says 'cannot assign requested address' — why?", "en")
R("ip", "IPv4 with port in RDP log (Vietnamese)",
  "Giải thích log này: Failed RDP logon from ⟦IP|113.161.42.77⟧:3389, user=admin. Có nguy hiểm không?", "vi")
R("ip", "IPv4-mapped IPv6",
  "Sunucu logunda istemci adresi ⟦IP|::ffff:88.247.31.19⟧ görünüyor — bu IPv4 mü IPv6 mı?", "tr")
R("ip", "private IPs in Japanese router question (private is labelled)",
  "ルーターのIPは⟦IP|192.168.11.1⟧で、NASは⟦IP|192.168.11.24⟧です。外からアクセスする方法は？", "ja")
R("ip", "link-local IPv6 with zone in Korean (zone outside span)",
  "ping6 ⟦IP|fe80::a00:27ff:fe4e:66a1⟧%en0 이 응답이 없어요. 이유가 뭘까요?", "ko")
R("ip", "IP next to IPv4-shaped version decoy",
  "Agent version 1.2.3.4 on host ⟦IP|10.40.7.21⟧ keeps crashing; upgrade to 1.2.4.0?", "en")
R("ip", "X-Forwarded-For chain",
  "X-Forwarded-For: ⟦IP|41.66.210.14⟧, ⟦IP|172.31.9.40⟧\nWhich one is the real client?", "en")
R("mac", "MAC in ifconfig output",
  "ifconfig wlan0:\n  inet ⟦IP|192.168.0.57⟧  netmask 255.255.255.0\n  ether ⟦MAC|3c:22:fb:91:0a:7e⟧  txqueuelen 1000\nWhy no internet?", "en")
R("mac", "MAC Windows getmac dash uppercase, Indonesian",
  "Alamat fisik laptop saya ⟦MAC|5C-87-9C-1A-2F-B4⟧, tolong buatkan permintaan whitelist ke tim IT.", "id")
R("mac", "Cisco dotted MAC in switch output",
  "show mac address-table:\n  10    ⟦MAC|0050.56a3.1f2e⟧    DYNAMIC     Gi1/0/12\nWhich port is the printer on?", "en")
R("mac", "MACs in JSON DHCP lease list",
  '[{"mac": "⟦MAC|a4:83:e7:2c:19:0d⟧", "ip": "⟦IP|10.0.8.31⟧"}, {"mac": "⟦MAC|f0:18:98:5e:c4:a7⟧", "ip": "⟦IP|10.0.8.32⟧"}]\nTurn this into a CSV.', "en")
R("mac", "MAC in Thai support request",
  "ช่วยเขียนคำขอลงทะเบียนอุปกรณ์: MAC address ของทีวีคือ ⟦MAC|B8:BC:5B:7D:41:E9⟧", "th")
R("url", "URL with port and query string",
  "Link do panelu: ⟦URL|https://panel.sklep-ogrodniczy.pl:8443/admin/orders?status=new&page=2⟧ — dlaczego przeglądarka ostrzega?", "pl")
R("url", "personal profile URL in Turkish CV",
  "Özgeçmişime şu bağlantıyı ekledim: ⟦URL|https://www.linkedin.com/in/elif-sahin-ux⟧. Metni düzelt.", "tr")
R("url", "www URL without scheme in Indonesian",
  "Tolong cek toko online saya di ⟦URL|www.batik-ayu.co.id/koleksi⟧ dan beri saran SEO.", "id")
R("url", "host+path without scheme (GitHub profile)",
  "My portfolio is ⟦URL|github.com/minhtran-dev/portfolio⟧, write a short bio for it.", "vi")
R("url", "URL in Markdown link with fragment",
  "Popraw ten tekst: [mój kalendarz](⟦URL|https://cal.com/tomasz-wisniewski/30min#book⟧) — umów się na rozmowę.", "pl")
R("url", "URL in Hebrew text",
  "תבדוק אם הקישור ⟦URL|https://forms.gle/7KqM2wXp9RtY3vZa8⟧ נראה חשוד.", "he")
R("url", "URL in Korean with query and trailing punctuation",
  "이 링크 안전한가요? ⟦URL|http://kr-delivery-check.com/track?no=6312448122&ref=sms⟧.", "ko")
R("crypto", "BTC genesis address (well-known)",
  "Wyjaśnij, czym jest adres ⟦CRY|=BTC_GENESIS⟧ i dlaczego nikt nie może wydać tych monet.", "pl")
R("crypto", "bech32 P2WPKH (well-known example) in Vietnamese",
  "Gửi 0.01 BTC tới ⟦CRY|=BTC_BECH32⟧ giúp tôi được không? Phí bao nhiêu?", "vi")
R("crypto", "checksummed ETH (well-known) in Turkish",
  "Bu ETH adresi ⟦CRY|=ETH_DAO⟧ hangi sözleşmeye ait? Açıkla.", "tr")
R("crypto", "P2SH (BIP example) + taproot in Portuguese",
  "Qual a diferença entre ⟦CRY|=BTC_P2SH_BIP⟧ e ⟦CRY|=BTC_TAPROOT_BIP86⟧? Explique os tipos de endereço.", "pt-BR")
R("crypto", "generated P2WPKH + ETH in Indonesian donation text",
  "Donasi bisa dikirim ke BTC ⟦CRY|=btc('p2wpkh')⟧ atau ETH ⟦CRY|=eth()⟧. Buatkan poster.", "id")
R("crypto", "ETH checksummed with tx hash decoy",
  "Tx ⟦_|='0x' + hexs(64)⟧ sent 2 ETH from ⟦CRY|=ETH_VB⟧ — which one is the wallet and which the transaction?", "en")

# ---------------------------------------------------------------- secrets in many formats and languages
R("secret", "AWS keys in ~/.aws/credentials",
  "[default]\naws_access_key_id = ⟦SEC|=akia()⟧\naws_secret_access_key = ⟦SEC|=aws_secret()⟧\nregion = ap-southeast-1\nWhy does the CLI say InvalidClientTokenId?", "en")
R("secret", "GitHub ghp_ token in shell history",
  "history | tail -2\n  501  export GITHUB_TOKEN=⟦SEC|=ghp()⟧\n  502  gh repo clone acme/api\nIs it a problem that this is in my history?", "en")
R("secret", "GitHub fine-grained PAT in Polish question",
  "Czy mogę wkleić ten token do pliku .npmrc? ⟦SEC|=ghpat()⟧", "pl")
R("secret", "Slack bot token in JS",
  "const { WebClient } = require('@slack/web-api');\nconst web = new WebClient('⟦SEC|=xoxb()⟧');\n// why 'not_in_channel'?", "en")
R("secret", "Slack user token in Korean",
  "이 슬랙 토큰 ⟦SEC|=xoxp()⟧ 로 메시지를 보내는 파이썬 코드를 짜 주세요.", "ko")
R("secret", "Stripe live key in PHP",
  "<?php\n\\Stripe\\Stripe::setApiKey('⟦SEC|=sklive()⟧');\n$session = \\Stripe\\Checkout\\Session::create([...]);\nWhy 401?", "en")
R("secret", "Google AIza key in Android manifest",
  '<meta-data android:name="com.google.android.geo.API_KEY" android:value="⟦SEC|=aiza()⟧"/>\nMap is blank, why?', "en")
R("secret", "JWT in Vietnamese API question",
  "Gọi API bị 401 dù đã gửi header Authorization: Bearer ⟦SEC|=jwt({'sub': '8813', 'name': 'Lan', 'exp': 1767225600})⟧ — token hết hạn chưa?", "vi")
R("secret", "OpenSSH private key PEM pasted",
  "Tolong cek apakah format kunci ini benar:\n⟦SEC|=pemh('OPENSSH PRIVATE KEY', 5)⟧\nSSH tetap minta password.", "id")
R("secret", "EC private key in YAML block scalar",
  "tls:\n  key: |\n    ⟦SEC|=pemh('EC PRIVATE KEY', 3).replace(chr(10), chr(10) + '    ')⟧\nHelm says the key is invalid.", "en")
R("secret", "GCP service-account JSON (escaped PEM + client_email)",
  '{"type": "service_account", "project_id": "shop-prod", "private_key": "⟦SEC|=pemh(\'PRIVATE KEY\', 4).replace(chr(10), chr(92) + \'n\')⟧\\n", "client_email": "⟦EM|deployer@shop-prod.iam.gserviceaccount.com⟧"}\nWhy does auth fail?', "en")
R("secret", "MySQL URL with password in Python",
  "engine = create_engine(\"⟦SEC|mysql+pymysql://shop:Wq7%40kLm2!@db-1.internal:3306/shop⟧\")\nGot 'Access denied' — is the %40 right?", "en")
R("secret", "MongoDB SRV URI in Turkish",
  "Bağlantı dizem bu: ⟦SEC|mongodb+srv://admin:Yz81Qp4tRm@cluster0.x7k2p.mongodb.net/magaza?retryWrites=true⟧ — neden timeout alıyorum?", "tr")
R("secret", "AMQP URL in .env",
  "CELERY_BROKER_URL=⟦SEC|amqp://worker:Rb3!mQ9xLs@rabbit.prod.lan:5672/%2f⟧\nCELERY_RESULT_BACKEND=rpc://\nWhy do tasks never start?", "en")
R("secret", "Python password assignment in settings",
  "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'USER': 'app', 'PASSWORD': '⟦SEC|Lp9#vQ2!mZx7⟧', 'HOST': '⟦IP|10.8.0.12⟧'}}", "en")
R("secret", "password in Polish prose (hasło)",
  "Hasło do Wi-Fi w biurze to ⟦SEC|Zielony-Kot-2025!⟧ — napisz kartkę dla gości.", "pl")
R("secret", "password in Hungarian (jelszó)",
  "A rendszergazdai jelszó: ⟦SEC|Tavasz#Hegy81⟧. Hogyan változtathatom meg a routeren?", "hu")
R("secret", "password in Turkish (şifre)",
  "Kullanıcı adı: muhasebe, şifre: ⟦SEC|Ank4ra!Mavi⟧ — bu bilgiyi ekibe güvenli nasıl iletirim?", "tr")
R("secret", "password in Vietnamese (mật khẩu)",
  "Tài khoản quản trị: admin / mật khẩu ⟦SEC|Hoa$Sen2025⟧. Hướng dẫn tôi đổi mật khẩu.", "vi")
R("secret", "password in Thai (รหัสผ่าน)",
  "รหัสผ่าน WiFi ที่ร้านคือ ⟦SEC|Mango!Sticky99⟧ ช่วยทำป้ายติดหน้าร้านให้หน่อย", "th")
R("secret", "password in Japanese (パスワード)",
  "共有フォルダのパスワードは ⟦SEC|Sakura_88!kz⟧ です。この案内を英語で書いて。", "ja")
R("secret", "password in Arabic (كلمة المرور)",
  "كلمة المرور للحساب هي ⟦SEC|Nakhla@2025x⟧ — كيف أغيرها بأمان؟", "ar")
R("secret", "password in PT-BR (senha) in chat transcript",
  "Cliente: não consigo entrar\nAtendente: qual senha você usou?\nCliente: ⟦SEC|Ipe@Amarelo77⟧\nReescreva a resposta do atendente.", "pt-BR")
R("secret", "SendGrid key in Dutch question",
  "Waarom werkt deze SendGrid-sleutel niet meer? ⟦SEC|=sendgrid()⟧", "nl")
R("secret", "Telegram bot token in Python",
  "bot = telebot.TeleBot(\"⟦SEC|=tgbot()⟧\")\n@bot.message_handler(commands=['start'])\n# the bot never answers /start — why?", "en")
R("secret", "GitLab PAT in CI YAML",
  "variables:\n  GITLAB_TOKEN: \"⟦SEC|=glpat()⟧\"\nscript:\n  - npm publish\nIs it OK to keep this here?", "en")
R("secret", "password in SQL CREATE USER",
  "CREATE USER 'raporlama'@'%' IDENTIFIED BY '⟦SEC|R4por!2025tr⟧';\nGRANT SELECT ON satis.* TO 'raporlama'@'%';\nNeden bağlanamıyor?", "tr")
R("secret", "sshpass -p in shell script",
  "#!/bin/bash\nsshpass -p '⟦SEC|Dk8!wQz2Lm⟧' ssh deploy@⟦IP|203.0.113.45⟧ 'systemctl restart app'\nMake this safer.", "en")

# ---------------------------------------------------------------- structured documents / formats mixing labels
R("mixed", "HL7 v2 ADT: MRN, DOB, phone, admit datetime (MSH timestamp unlabelled)",
  "Parse this HL7:\nMSH|^~\\&|HIS|BVCR|||20250304081500||ADT^A01|MSG00042|P|2.5.1\n"
  "PID|1||⟦MRN|=digits(8)⟧^^^BVCR^MR||NGUYEN^VAN AN||⟦DT|19850312⟧|M|||||⟦PH@VN|0983481228⟧\n"
  "PV1|1|I|W3^312^1|||||||||||||||V0042|||||||||||||||||||||||||⟦DT|20250303221500⟧", "vi")
R("mixed", "FHIR Patient + Encounter (lastUpdated unlabelled)",
  '{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient", "meta": {"lastUpdated": "2025-03-05T08:00:00Z"}, '
  '"identifier": [{"type": {"text": "MRN"}, "value": "⟦MRN|=digits(7)⟧"}], "birthDate": "⟦DT|1962-09-30⟧", '
  '"telecom": [{"system": "email", "value": "⟦EM|m.jansen@ziggo.nl⟧"}]}}, {"resource": {"resourceType": "Encounter", '
  '"period": {"start": "⟦DT|2025-03-03T22:15:00+01:00⟧"}}}]}\nSummarise this bundle in Dutch.', "nl")
R("mixed", "e-mail with signature (Portuguese)",
  "Reescreve este e-mail de forma mais curta:\n\nOlá Joana,\nsegue o contrato. Qualquer dúvida, liga-me.\n\nCumprimentos,\nRicardo Matos\n"
  "Gestor de Conta | Tel. ⟦PH@PT|+351 213 481 230⟧ | ⟦EM|ricardo.matos@lusoseguros.pt⟧\n⟦URL|https://www.lusoseguros.pt⟧", "pt-PT")
R("mixed", "Polish customer CSV with header",
  "Znajdź błędy w tym pliku:\nimie,email,telefon,iban\nEwa,⟦EM|ewa.zielinska@wp.pl⟧,⟦PH@PL|+48 601 482 338⟧,⟦IBAN|=ibanb('PL', '11402004')⟧\n"
  "Adam,⟦EM|adam.krol+sklep@gmail.com⟧,⟦PH@PL|512 384 907⟧,⟦IBAN|=ibanb('PL', '10205561')⟧", "pl")
R("mixed", "Markdown table of staff contacts (Greek)",
  "| Όνομα | Email | Τηλέφωνο |\n|---|---|---|\n| Μαρία Π. | ⟦EM|maria.p@iatreio-kifisia.gr⟧ | ⟦PH@GR|+30 697 318 4420⟧ |\n"
  "| Νίκος Κ. | ⟦EM|nikos.k@iatreio-kifisia.gr⟧ | ⟦PH@GR|210 324 8119⟧ |\nΠρόσθεσε στήλη ρόλων.", "el")
R("mixed", "auth log lines: IPs and user e-mail, timestamps unlabelled",
  "2025-03-04T02:17:09Z WARN login failed user=⟦EM|hoang.yen@vnshop.vn⟧ ip=⟦IP|14.232.208.91⟧ attempt=5\n"
  "2025-03-04T02:17:12Z WARN login failed user=⟦EM|hoang.yen@vnshop.vn⟧ ip=⟦IP|2405:4802:9a1:c0e0::17⟧ attempt=6\nIs this brute force?", "vi")
R("mixed", "Python stack trace with DB URL and host IP",
  "Traceback (most recent call last):\n  File \"/srv/app/db.py\", line 12, in <module>\n"
  "    engine = create_engine(\"⟦SEC|postgresql://orders:Zx81!qLp@10.4.2.17:5432/orders⟧\")\n"
  "sqlalchemy.exc.OperationalError: connection to server at \"⟦IP|10.4.2.17⟧\", port 5432 failed: timeout\nHow do I fix this?", "en")
R("mixed", "Java exception with e-mail and phone in message (class names not URLs)",
  "java.lang.IllegalArgumentException: invalid contact [email=⟦EM|maria.silva+promo@cliente.com.br⟧, phone=⟦PH@BR|(21) 99876-5431⟧]\n"
  "\tat com.loja.crm.ContactValidator.validate(ContactValidator.java:42)\n\tat com.loja.crm.ImportJob.run(ImportJob.java:118)\nWhat is invalid here?", "pt-BR")
R("mixed", "Korean call-centre chat transcript: phone + dashed Mastercard",
  "상담원: 본인 확인을 위해 연락처를 말씀해 주세요.\n고객: ⟦PH@KR|010 3184 7727⟧ 이요.\n상담원: 결제하신 카드 번호는요?\n고객: ⟦CC|=card('5', 16, '-')⟧ 입니다.\n이 대화를 요약해 주세요.", "ko")
R("mixed", "Japanese e-mail signature block",
  "以下の署名を英語版にしてください。\n――――――――\n株式会社さくら物産 営業部\n山田 花子\nTEL: ⟦PH@JP|03-3481-2291⟧ / 携帯: ⟦PH@JP|080-4812-2290⟧\nMail: ⟦EM|h.yamada@sakura-bussan.co.jp⟧\n――――――――", "ja")
R("mixed", "Indonesian HR record in YAML",
  "karyawan:\n  nama: Dewi Lestari\n  tanggal_lahir: \"⟦DT|1991-06-17⟧\"\n  tanggal_masuk: \"⟦DT|2021-02-01⟧\"\n  telepon: \"⟦PH@ID|+62 812 4813 3390⟧\"\n  email: ⟦EM|dewi.lestari@majujaya.co.id⟧\nUbah jadi JSON.", "id")
R("mixed", "Romanian invoice e-mail: IBAN + invoice number decoy",
  "Bună ziua, vă rog achitați factura nr. FCT-2025-00417 în contul ⟦IBAN|=ibanb('RO', 'RNCBRONCRT', True, numeric=True)⟧. Pentru întrebări: ⟦PH@RO|0722 481 393⟧.", "ro")
R("mixed", "Arabic clinic message: date, phone, MRN",
  "تذكير: موعدك في العيادة يوم ⟦DT|2025/04/15⟧ الساعة ⟦DT|09:00⟧. رقم الملف الطبي ⟦MRN|=digits(7)⟧. للاستفسار: ⟦PH@SA|011 481 2290⟧", "ar")
R("mixed", "Hindi clinic SMS: appointment date/time + Bengaluru landline",
  "संदेश को छोटा करें: आपकी अपॉइंटमेंट ⟦DT|12 अप्रैल 2025⟧ को समय ⟦DT|10:30⟧ पर है। बदलाव के लिए ⟦PH@IN|+91 80 4128 7734⟧ पर कॉल करें।", "hi")
R("mixed", "Czech rental application: e-mail, phone, birth date, IBAN",
  "Žádost o pronájem\nJméno: Tereza Dvořáková\nDatum narození: ⟦DT|21. 11. 1994⟧\nE-mail: ⟦EM|tereza.dvorakova@seznam.cz⟧\nTelefon: ⟦PH@CZ|+420 601 318 445⟧\nÚčet: ⟦IBAN|=ibanb('CZ', '0100')⟧", "cs")
R("mixed", "US intake form in Spanish: DOB, SSN, MBI, phone",
  "Formulario de admisión\nNombre: Rosa Delgado\nFecha de nacimiento: ⟦DT|07/14/1952⟧\nSSN: ⟦SSN|=ssn('-')⟧\nMedicare: ⟦HP|=mbi()⟧\nTeléfono: ⟦PH@US|(305) 481-2290⟧", "es-US")
R("mixed", "Swiss German school letter: personal meeting date/time + phone + e-mail",
  "Liebi Eltere, Ihre Sohn Luca het sis Standortgspröch am ⟦DT|Zischtig, 3. Juni⟧ um ⟦DT|16.15 Uhr⟧. "
  "Fröge: ⟦EM|schulleitung@schule-wiedikon.ch⟧ oder ⟦PH@CH|044 318 44 71⟧.", "gsw")
R("mixed", "Norwegian k8s manifest with secret and IP",
  "apiVersion: v1\nkind: ConfigMap\ndata:\n  DB_HOST: \"⟦IP|10.96.14.3⟧\"\n  DB_PASSWORD: \"⟦SEC|Fjord-Bla-2025!⟧\"\nHvorfor bør passordet ikke ligge i en ConfigMap?", "nb")
R("mixed", "Danish support ticket: phone, e-mail, order decoy",
  "Sag #DK-448213: kunden ⟦EM|sofie.larsen@mail.dk⟧ (tlf. ⟦PH@DK|20 41 77 38⟧) har ikke modtaget ordre 1183-5520. Skriv et svar.", "da")
R("mixed", "Turkish JS snippet with API key and user e-mail",
  "const cfg = { apiKey: '⟦SEC|=aiza()⟧', user: '⟦EM|mert.aydin@firma.com.tr⟧', version: '4.2.1.0' };\n// Bu config neden hata veriyor?", "tr")

# ---------------------------------------------------------------- hard negatives: IDs, versions, look-alikes
R("neg_ids", "Polish order, InPost and Poczta Polska tracking",
  "Zamówienie nr 2025/04/1182 wysłano InPostem (nr przesyłki 620345678901234567890123), zwrot Pocztą Polską RR123456785PL. Gdzie jest paczka?", "pl")
R("neg_ids", "Vietnamese order and waybill codes",
  "Mã đơn hàng 250304KX8Q2M, mã vận đơn SPXVN0258314472, mã giảm giá TET2025. Viết khiếu nại giao hàng chậm.", "vi")
R("neg_ids", "Japanese Yamato tracking with phone-like groups + Amazon-style 3-7-7 order number (Luhn-invalid)",
  "ヤマト運輸の伝票番号 4481-2290-3317 の配達状況を問い合わせる文を書いて。注文番号は ⟦!CC|249-4481229-7712034⟧ です。", "ja")
R("neg_ids", "Korean CJ tracking 12 digits",
  "CJ대한통운 송장번호 631244812290, 주문번호 20250304-0001187 배송 조회 문의 글 써 주세요.", "ko")
R("neg_ids", "Thai and Indonesian courier numbers",
  "พัสดุ Kerry เลขที่ KERDO012345678 และ J&T resi JP4812290331 ยังไม่มาถึง ช่วยเขียนข้อความติดตาม", "th")
R("neg_ids", "Turkish e-invoice and order numbers",
  "e-Fatura No: GIB2025000004417, Sipariş No: 3184472290, Kargo takip: 7130 4481 2290. İade talebi yaz.", "tr")
R("neg_ids", "IPv4-shaped versions and OIDs",
  "Which one is newer: firmware 2.10.4.1 or version 1.2.3.4? Also what does OID 1.3.6.1.2.1.1.3 return?", "en")
R("neg_ids", "Windows build and Chrome version",
  "Sürüm 10.0.22631.4890 üzerinde Chrome 124.0.6367.207 çöküyor. Ne yapmalıyım?", "tr")
R("neg_ids", "UUIDs and git SHAs in deploy log",
  "deploy ⟦_|=uuid4()⟧ finished, commit ⟦_|=sha1()⟧, previous ⟦_|=hexs(7)⟧. Summarise the release.", "en")
R("neg_ids", "sha256 checksum in Dutch",
  "Klopt deze checksum van de ISO? sha256: ⟦_|=hexs(64)⟧", "nl")
R("neg_ids", "ISBNs (valid ISBN-13 check) in Polish and Czech",
  "Podaj pełne dane bibliograficzne dla ISBN ⟦_|=isbn13('978-83-01-17711-')⟧ oraz ISBN ⟦_|=isbn13('978-80-7203-385-')⟧.", "pl")
R("neg_ids", "product codes and model numbers",
  "Porównaj Samsung SM-S928B/DS z modelem MacBookPro18,3 i odkurzaczem SKU 4481-2290-33.", "pl")
R("neg_ids", "IMEI (Luhn-valid 15 digits) in Indonesian",
  "IMEI HP saya ⟦_|=card('35', 15)⟧ diblokir setelah ganti SIM. Bagaimana cara membukanya?", "id")
R("neg_ids", "Greek receipt number, order number and EAN-13 product code",
  "Αρ. παραστατικού 0004417, Αρ. παραγγελίας ΠΡ-2025-118, κωδικός προϊόντος 5201234567891. Γράψε επιστολή επιστροφής.", "el")
R("neg_ids", "Hebrew order number and coupon",
  "מספר הזמנה 4481229033, קוד קופון SALE2025. נסח פנייה לשירות לקוחות על עיכוב במשלוח.", "he")

R("neg_card", "Luhn-invalid 16-digit look-alike in Korean",
  "테스트 카드번호 ⟦!CC|=badluhn16('4')⟧ 가 왜 검증을 통과하나요? Luhn 체크를 해야 하는데.", "ko")
R("neg_card", "masked cards in Spanish",
  "Tu tarjeta terminada en **** 4417 fue rechazada; la tarjeta •••• •••• •••• 2290 sigue activa. Explícale al cliente.", "es-419")
R("neg_card", "Luhn-invalid dashed in Portuguese test data",
  "Dados de teste: cartão ⟦!CC|=badcard('5', 16, '-')⟧ (inválido de propósito). Por que o validador aceita?", "pt-BR")
R("neg_iban", "check-invalid PL IBAN",
  "Bank odrzuca przelew na ⟦!IBAN|=badibanb('PL', '10202892', True)⟧ — czy suma kontrolna się zgadza?", "pl")
R("neg_iban", "check-invalid RO IBAN + BIC",
  "Exemplu din documentație (cifre de control greșite): ⟦!IBAN|=badibanb('RO', 'BTRLRONCRT', numeric=True)⟧, BIC BTRLRO22.", "ro")
R("neg_iban", "masked IBAN and BIC only (Dutch)",
  "Uw rekening NL** **** **** **47 87 is gekoppeld. BIC: INGBNL2A. Leg uit wat een BIC is.", "nl")
R("neg_nhs", "check-invalid NHS look-alike",
  "Validator test: NHS ⟦!NHS|=badnhs(' ')⟧ should be rejected, but ⟦NHS|=nhs(' ')⟧ must pass.", "en")
R("neg_ssn", "masked and out-of-range SSNs",
  "El formulario muestra XXX-XX-4417; los números ⟦!SSN|666-12-3456⟧ y ⟦!SSN|912-44-1187⟧ no son válidos. ¿Por qué?", "es-US")
R("neg_bank", "ABA routing number alone",
  "Is ⟦_|=aba()⟧ the routing number for Chase in Texas? I only need it for a wire.", "en")
R("neg_crypto", "BTC with bad checksum + ETH tx hash",
  "Dit adres ⟦!CRY|=badbtc('p2pkh')⟧ wordt geweigerd en transactie ⟦_|='0x' + hexs(64)⟧ is nog pending. Waarom?", "nl")
R("neg_crypto", "bech32 with bad checksum",
  "Ví báo lỗi với địa chỉ ⟦!CRY|=badbtc('p2wpkh')⟧ — có phải gõ sai ký tự cuối?", "vi")
R("neg_net", "loopback, unspecified, netmask in Polish",
  "Serwer nasłuchuje na 0.0.0.0:8080, health-check na 127.0.0.1, maska 255.255.255.0, a IPv6 ::1. Co tu jest źle?", "pl")
R("neg_net", "filenames and Java packages (not URLs)",
  "Otwórz config.yaml, potem src/main.py i klasę com.sklep.api.OrderController — gdzie jest błąd?", "pl")
R("neg_net", "npm scopes, decorators and handles (not e-mails)",
  "npm i @nestjs/core@10.3.2 ve @Injectable() dekoratörünü kullan; Twitter'da @nodejs hesabını takip et.", "tr")
R("neg_net", "time with millis and ratios (not MAC/IP)",
  "ffmpeg -ss 00:01:23.450 -t 00:00:10 -vf scale=1920:1080 — explain the flags.", "en")

R("neg_secret", "placeholders in .env.example",
  "OPENAI_API_KEY=YOUR_API_KEY\nSLACK_BOT_TOKEN=xoxb-your-token-here\nDB_PASSWORD=<password>\nSTRIPE_KEY=${STRIPE_KEY}\nDocument these variables in Polish.", "pl")
R("neg_secret", "env var and secret-manager references",
  "password: {{ secrets.DB_PASSWORD }}\ntoken: ${GITHUB_TOKEN}\napi_key: os.environ['API_KEY']\nGiải thích cách hoạt động.", "vi")
R("neg_secret", "masked secrets in Korean",
  "API 키가 sk-****************************Ab12 로 표시되고 비밀번호는 ******** 예요. 정상인가요?", "ko")
R("neg_secret", "bcrypt hash (not a secret)",
  "password_hash = '$2b$12$" + "⟦_|=tok('', 53, string.ascii_letters + string.digits + './')⟧" + "' — is bcrypt cost 12 enough?", "en")
R("neg_secret", "password policy in Japanese",
  "パスワードは12文字以上で、大文字・数字・記号を含めてください。トークンの有効期限は3600秒です。", "ja")
R("neg_secret", "x-placeholder token shapes",
  "Replace ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX and AIzaSy-REPLACE-ME with your own values in the README.", "en")
R("neg_secret", "Thai instruction with placeholder password",
  "ตั้งค่า DB_PASSWORD=<รหัสผ่านของคุณ> และ API_KEY=YOUR_API_KEY ในไฟล์ .env แล้วรันใหม่", "th")

R("neg_misc", "prices in many currencies",
  "Porównaj ceny: 1 299,00 zł, 2.450.000 ₫, Rp 1.250.000, ฿12,500, ¥128,000, ₩45,000 i R$ 1.299,90.", "pl")
R("neg_misc", "measurements and quantities",
  "Konversi: 1 250 mm, 3,5 kg, 220–240 V, 50/60 Hz, 1920×1080 px. Buat tabel.", "id")
R("neg_misc", "phone-shaped statistics table (Hungarian)",
  "év | lakosság | születések\n2022 | 9 689 010 | 88 491\n2023 | 9 599 744 | 85 226\nKészíts diagramot.", "hu")
R("neg_misc", "math and phone-like digit strings",
  "Tính 0983 + 481 227 và 1234 × 5678, rồi giải thích cách đặt tính.", "vi")
R("neg_misc", "lab values that look like dates or versions",
  "Wyniki: Hb 13.2 g/dl, WBC 7.4, CRP 2.1 mg/l, ciśnienie 120/80, INR 1.1. Zinterpretuj.", "pl")
R("neg_misc", "ICD-10 codes and drug doses (Arabic)",
  "اشرح رموز التشخيص E11.9 و I10 و J45.909 وجرعة ميتفورمين 500 ملغ مرتين يوميًا.", "ar")
R("neg_misc", "generic coding question in Hindi",
  "Python में list comprehension और generator expression में क्या अंतर है? उदाहरण दीजिए।", "hi")
R("neg_misc", "Excel formula with dates (non-personal)",
  "=NETWORKDAYS(DATE(2025;1;1);DATE(2025;12;31)) geeft 261 — klopt dat voor Nederland?", "nl")
R("neg_misc", "sports results and minutes (Portuguese)",
  "O Benfica venceu por 3-1, golos aos 12', 45+2' e 88'. Escreve a crónica do jogo.", "pt-PT")
R("neg_misc", "coordinates and altitude",
  "Przelicz 50.0614, 19.9366 na stopnie, minuty i sekundy; wysokość 219 m n.p.m.", "pl")
R("neg_misc", "train and bus timetable (Czech)",
  "Vlaky do Brna jedou v 7:05, 7:35 a 8:05 z nástupiště 4. Který je nejrychlejší?", "cs")
R("neg_misc", "room and floor numbers, building codes",
  "Toplantı B blok, 4. kat, 412 numaralı odada; otopark kodu P2-118. Katılımcılara duyuru yaz.", "tr")
R("neg_misc", "Swiss German weather and times (no person)",
  "Morn hets 14–19 Grad, Wind 20 km/h, Sunneufgang 06:12, Sunneundergang 20:41. Mach es Wetterbulletin drus.", "gsw")
R("neg_misc", "Norwegian recipe with times and temperatures",
  "Stek kyllingen i 45 minutter på 200 °C, la den hvile i 10 minutter. Lag en handleliste for 4 personer.", "nb")
R("neg_misc", "Danish legal references",
  "Forklar § 26 i persondataloven og artikel 6, stk. 1, litra f i GDPR.", "da")
R("neg_misc", "semver ranges and build metadata",
  "¿Por qué ^2.4.1 acepta 2.9.0 pero no 3.0.0, y qué significa 1.0.0-rc.1+build.20250304?", "es-419")
R("neg_misc", "SQL schema without data (Korean)",
  "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL, phone VARCHAR(20), created_at TIMESTAMP);\n인덱스를 추천해 주세요.", "ko")
R("neg_misc", "HTTP status codes and ports",
  "Sunucu 502 ve 504 dönüyor; uygulama 8080, veritabanı 5432, Redis 6379 portunda. Sorun ne olabilir?", "tr")
R("neg_misc", "eponyms and historical figures in Polish",
  "Wyjaśnij algorytm Dijkstry i chorobę Parkinsona w dwóch zdaniach każde.", "pl")
R("neg_misc", "countries and product names only (Indonesian)",
  "Bandingkan harga iPhone 16 di Indonesia, Malaysia, dan Singapura.", "id")


# ====================================================================== rendering + independent checks


def _luhn(d: str) -> bool:
    s = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x = x * 2 - 9 if x > 4 else x * 2
        s += x
    return s % 10 == 0


def _mod97(v: str) -> bool:
    c = v.replace(" ", "")
    r = c[4:] + c[:4]
    n = 0
    for ch in r:
        n = (n * (100 if ch.isalpha() else 10) + int(ch, 36)) % 97
    return n == 1


def _nhs(v: str) -> bool:
    d = re.sub(r"\D", "", v)
    if len(d) != 10:
        return False
    c = 11 - sum(int(x) * w for x, w in zip(d[:9], range(10, 1, -1))) % 11
    c = 0 if c == 11 else c
    return c != 10 and c == int(d[9])


OBFUSCATED_AT = re.compile(r"@|＠|\bat\b|\[at\]|\(at\)|%40|&#64;|\\u0040|\bmałpa\b|\barroba\b", re.I)


def check_more(label: str, v: str) -> list[str]:
    """Independent re-checks of checksum-bearing values (not relying on make_challenge.py)."""
    e = []
    if label == "CREDIT_CARD":
        d = re.sub(r"[ -]", "", v)
        if not (d.isdigit() and _luhn(d)):
            e.append("Luhn (independent)")
    elif label == "IBAN_CODE":
        if not _mod97(v):
            e.append("mod-97 (independent)")
        if " " in v and any(len(g) != 4 for g in v.split(" ")[:-1]):
            e.append("IBAN grouping")
    elif label == "UK_NHS":
        if not _nhs(v):
            e.append("NHS mod-11 (independent)")
    elif label == "US_SSN":
        if not mc.ssn_range_ok(v):
            e.append("SSN range (independent)")
    elif label == "CRYPTO":
        if not mc.crypto_ok(v):
            e.append("crypto checksum")
    return e


def check_positive(label: str, val: str, region, rid: str) -> list[str]:
    """make_challenge's checks, the other-language e-mail obfuscations used here, and the
    independent checksum re-checks."""
    if label == "EMAIL_ADDRESS":
        errs = [] if OBFUSCATED_AT.search(val) else [f"{rid}: email shape {val!r}"]
    else:
        errs = mc.check_positive(label, val, region, rid)
    return errs + [f"{rid}: {label} {val!r}: {x}" for x in check_more(label, val)]


def render(rid: str, template: str):
    return mc.render(rid, template, positive=check_positive, env_extra={"chr": chr})


def build():
    return mc.build_rows("ch3", ROWS, render)


def main():
    mc.run(build, "challenge3.jsonl")


if __name__ == "__main__":
    main()

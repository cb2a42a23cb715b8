#!/usr/bin/env python3
"""Build tests/data/challenge2.jsonl: a second hand-written challenge set for scrim's STRUCTURED labels,
written before any tuning on it (a held-out check), in styles and locales that challenge.jsonl does not
cover: Nordic, Central/Eastern European, Turkish, Greek, Latin-American and Asian locales; ICS calendar
files, FHIR/HL7, SQL INSERTs, Terraform, .netrc/.pgpass, systemd/journal logs, Windows event logs, Slack
exports, e-mail threads with quoted replies, SMS, voice-call transcripts, spreadsheets pasted as text.

Same markup, helpers and validation as make_challenge.py (imported from beside this file); a different seed.

Usage: python3 tests/data/make_challenge2.py [--out tests/data/challenge2.jsonl]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_challenge as mc  # noqa: E402

mc.RNG = random.Random(20251201)
mc.HELPERS["letter"] = lambda: mc.RNG.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
ROWS: list[tuple[str, str, str]] = []


def R(category: str, note: str, text: str):
    ROWS.append((category, note, text))


# ---------------------------------------------------------------- phones, new locales and styles
R("phone", "SE mobile written 070-xxx xx xx",
  "Kan du skriva ett kort sms till Ingrid? Hennes mobil är ⟦PH@SE|070-412 38 77⟧ och hon vill bli påmind om mötet.")
R("phone", "FI mobile + Helsinki landline",
  "Asiakkaan puhelin ⟦PH@FI|040 718 2290⟧, toimisto ⟦PH@FI|09 4289 1170⟧. Kirjoita lyhyt vastaus suomeksi.")
R("phone", "CZ +420 mobile",
  "Prosím přelož: Zavolejte mi na ⟦PH@CZ|+420 602 318 447⟧, jsem k zastižení do 17 hodin.")
R("phone", "PL mobile national 3-3-3",
  "Klient zostawił numer ⟦PH@PL|512 384 907⟧ — napisz SMS z potwierdzeniem wizyty.")
R("phone", "TR +90 mobile",
  "Müşteri temsilcisi: Ayşe Demir, cep ⟦PH@TR|+90 532 418 27 64⟧. Lütfen kibar bir e-posta yaz.")
R("phone", "GR +30 landline",
  "Hotel in Athens gave me ⟦PH@GR|+30 210 3248 117⟧ for late check-in questions; translate my message to Greek.")
R("phone", "HU +36 mobile",
  "Add Zsófia to the onboarding sheet, mobile ⟦PH@HU|+36 30 482 7193⟧, starts Monday.")
R("phone", "RO +40 mobile",
  "Trimite un mesaj la ⟦PH@RO|+40 722 481 390⟧ să confirme livrarea.")
R("phone", "AR +54 9 mobile",
  "Mi número de WhatsApp es ⟦PH@AR|+54 9 11 4832 7719⟧, escribime cuando llegues a Buenos Aires.")
R("phone", "CO +57 mobile",
  "Por favor agenda una llamada con el proveedor en Bogotá: celular ⟦PH@CO|+57 310 482 7731⟧.")
R("phone", "CL +56 mobile",
  "Contacto del arrendador en Santiago: ⟦PH@CL|+56 9 8123 4471⟧. Redacta un correo preguntando por el depósito.")
R("phone", "PH +63 mobile",
  "The driver's number is ⟦PH@PH|+63 917 482 3310⟧, please send him the pickup address.")
R("phone", "HK 8-digit with +852",
  "Office line in Hong Kong: ⟦PH@HK|+852 2834 7719⟧. Draft a polite follow-up in English.")
R("phone", "TW +886 mobile",
  "請幫我翻譯：我的手機是 ⟦PH@TW|+886 912 345 678⟧，週末都可以聯絡。")
R("phone", "KR national mobile",
  "Translate to Korean: you can reach me at ⟦PH@KR|010-4829-3371⟧ any time after 7.")
R("phone", "NZ mobile national",
  "Kia ora, flatmate's number is ⟦PH@NZ|021 483 9920⟧ — can you write the tenancy contact list?")
R("phone", "IL mobile",
  "Forward the invoice to Noa and text her on ⟦PH@IL|052-481-3392⟧ once it's sent.")
R("phone", "AE mobile +971",
  "Dubai contact for the site visit: Omar, ⟦PH@AE|+971 50 482 3317⟧.")
R("phone", "ZA landline national",
  "Our Cape Town office number is ⟦PH@ZA|021 418 3320⟧; please fix the footer in the newsletter.")
R("phone", "US vanity-free dotted with leading 1.",
  "Voicemail transcript: hi this is Marcus, call me back at ⟦PH@US|1.312.847.2290⟧, thanks.")
R("phone", "US number split across line in email signature",
  "--\nRhonda Klein | Claims Adjuster\nDirect: ⟦PH@US|(503) 418-2277⟧\nCell: ⟦PH@US|503.418.2290⟧")
R("phone", "US numbers in SMS thread",
  "[10:02] me: whats ur new number\n[10:03] Jess: ⟦PH@US|929-481-3307⟧ the old one is dead")
R("phone", "phone in JSON contact record",
  '{"contact": {"name": "K. Osei", "phone": "⟦PH@GB|+447911123456⟧", "preferred": "sms"}}')
R("phone", "phone in ICS ATTENDEE",
  "BEGIN:VEVENT\nSUMMARY:Physio\nDESCRIPTION:Call ⟦PH@GB|020 7946 0321⟧ if late\nEND:VEVENT")
R("phone", "fax in letterhead",
  "Kanzlei Brandt & Partner · Fax ⟦PH@DE|0211 8837 4410⟧ · Tel. ⟦PH@DE|0211 8837 440⟧ — bitte Briefkopf formatieren.")
R("phone", "mobile number in spreadsheet paste (tabs)",
  "Name\tRole\tMobile\nPetra\tLead\t⟦PH@DE|0171 4839207⟧\nJonas\tDev\t⟦PH@DE|0160 9928371⟧")
R("phone", "JP landline national",
  "大阪オフィス：⟦PH@JP|06-6344-7712⟧（平日9時〜18時）。英語に訳してください。")
R("phone", "IN landline with STD parens",
  "Bangalore office: ⟦PH@IN|(080) 4128 7733⟧. Draft a visiting hours notice.")
R("phone", "MX national 10-digit spaced",
  "Llámale a la doctora al ⟦PH@MX|55 4832 7719⟧ para confirmar la consulta.")
R("phone", "BR landline with DDD parens",
  "Favor ligar para o escritório ⟦PH@BR|(21) 3482-7710⟧ e pedir a segunda via.")

# ---------------------------------------------------------------- dates
R("date", "Swedish birth date",
  "Patienten är född ⟦DT|3 februari 1961⟧ och skrevs in ⟦DT|2025-02-10⟧.")
R("date", "Czech DOB dotted with spaces",
  "Datum narození: ⟦DT|14. 5. 1978⟧. Prosím zkontroluj formulář.")
R("date", "Turkish date with month name",
  "Doğum tarihi ⟦DT|12 Mart 1984⟧ olarak düzeltilmeli.")
R("date", "Finnish date dotted",
  "Potilas kotiutettiin ⟦DT|17.3.2025⟧ ja kontrollikäynti on ⟦DT|2.4.2025⟧.")
R("date", "US appointment with weekday and time range",
  "Reminder: Mia's dental cleaning is on ⟦DT|Thursday, April 17⟧ at ⟦DT|3:15 PM⟧.")
R("date", "ICS DTSTART personal appointment",
  "Fix this invite:\nBEGIN:VEVENT\nSUMMARY:Dr. Patel – follow-up\nDTSTART:⟦DT|20250414T093000⟧\nEND:VEVENT")
R("date", "FHIR Patient birthDate",
  '{"resourceType": "Patient", "id": "pt-77", "birthDate": "⟦DT|1949-11-23⟧", "gender": "female"}')
R("date", "HR record hire and termination",
  "Employee file: hired ⟦DT|03/01/2019⟧, terminated ⟦DT|11/15/2024⟧ (voluntary).")
R("date", "travel: flight departure",
  "My flight to Lisbon leaves ⟦DT|June 3rd⟧ at ⟦DT|6:40am⟧, can you suggest what to pack?")
R("date", "date of death in obituary draft",
  "Help me write an obituary: Harold Jensen, born ⟦DT|July 9, 1938⟧, died peacefully ⟦DT|March 2, 2025⟧.")
R("date", "birthday without year",
  "Remind me that Sofia's birthday is ⟦DT|14 August⟧ — draft a card message.")
R("date", "Brazilian date and time",
  "Consulta marcada para ⟦DT|22/05/2025⟧ às ⟦DT|14h⟧ com a Dra. Lima.")
R("date", "Dutch appointment",
  "Je afspraak bij de huisarts is op ⟦DT|dinsdag 8 april⟧ om ⟦DT|10:20⟧.")
R("date", "Spanish DOB numeric",
  "Fecha de nacimiento: ⟦DT|07/09/1992⟧. Nombre: Lucía Pardo.")
R("date", "Italian admission",
  "Il paziente è stato ricoverato il ⟦DT|3 marzo 2025⟧ e dimesso il ⟦DT|10 marzo 2025⟧.")
R("date", "Korean date",
  "생년월일: ⟦DT|1990년 5월 3일⟧ — 영어로 번역해 주세요.")
R("date", "Chinese appointment",
  "请把这个预约翻译成英文：⟦DT|2025年6月18日⟧ ⟦DT|下午3点⟧ 牙科复诊。")
R("date", "timesheet personal shifts",
  "My shifts this week: ⟦DT|Mon 12 May⟧ and ⟦DT|Wed 14 May⟧, eight hours each. Calculate my overtime.")
R("date", "insurance claim incident date",
  "Claim form: date of accident ⟦DT|02/14/2025⟧, reported the next day.")
R("date", "lease start",
  "Tenant moved in on ⟦DT|1 September 2023⟧; the lease started the same day. Draft a rent-increase notice.")
R("date", "date in CSV with dob header",
  "member,date_of_birth,plan\nA. Ruiz,⟦DT|1987-02-28⟧,gold\nB. Chen,⟦DT|1979-10-05⟧,silver")
R("date", "discharge in SOAP with abbreviation",
  "S: pt c/o chest pain. Adm ⟦DT|4/2/25⟧, d/c planned ⟦DT|4/5/25⟧.")
R("date", "German with weekday and Uhr",
  "Ihr Termin: ⟦DT|Montag, 7. April 2025⟧, ⟦DT|9:45 Uhr⟧, Praxis Dr. Berger.")
R("date", "French hospital discharge",
  "Sortie d'hospitalisation le ⟦DT|15/04/2025⟧, rendez-vous de contrôle le ⟦DT|2 mai⟧.")
R("date", "US vaccination record",
  "Vaccination record: 2nd dose given ⟦DT|Aug 22, 2021⟧, booster ⟦DT|Jan 4, 2022⟧.")
R("date", "wedding date",
  "We got married on ⟦DT|18.06.2016⟧ — write an anniversary toast.")

# ---------------------------------------------------------------- non-personal dates and timestamps
R("neg_date", "systemd journal lines",
  "Why does this fail?\nApr 03 07:12:44 web01 systemd[1]: nginx.service: Main process exited, code=exited\nApr 03 07:12:44 web01 systemd[1]: Failed to start nginx.")
R("neg_date", "Windows event log",
  "Log Name: System\nDate: 3/4/2025 2:17:09 AM\nEvent ID: 41\nLevel: Critical\nExplain Kernel-Power 41.")
R("neg_date", "Go log format",
  "2025/03/04 02:17:09 http: TLS handshake error from [::1]:51422: EOF — is this harmful?")
R("neg_date", "Java stack trace timestamp",
  "2025-03-04 02:17:09.331 ERROR 4412 --- [main] o.s.boot.SpringApplication : Application run failed")
R("neg_date", "Apache error log",
  "[Tue Mar 04 02:17:09.123456 2025] [core:error] [pid 4412] AH00037: Symbolic link not allowed")
R("neg_date", "HTTP Date and Last-Modified headers",
  "HTTP/1.1 200 OK\nDate: Tue, 04 Mar 2025 02:17:09 GMT\nLast-Modified: Mon, 03 Mar 2025 18:00:00 GMT\nWhy is caching broken?")
R("neg_date", "Git log output",
  "commit 1a2b3c\nAuthor: build-bot\nDate:   Tue Mar 4 02:17:09 2025 +0100\n\n    bump deps\nSummarise the release.")
R("neg_date", "public holiday list in German",
  "Feiertage 2025 in Bayern: 1. Januar, 6. Januar, 18. April, 21. April, 1. Mai. Bitte als Tabelle.")
R("neg_date", "historical dates",
  "Summarise: the Treaty of Rome was signed on 25 March 1957 and the euro launched on 1 January 1999.")
R("neg_date", "law effective date",
  "The GDPR applied from 25 May 2018; the AI Act entered into force on 1 August 2024. Compare them.")
R("neg_date", "product lifecycle",
  "Windows 10 reaches end of support on October 14, 2025; Ubuntu 20.04 standard support ended 31 May 2025.")
R("neg_date", "event agenda without people",
  "Conference agenda: Day 1 – 9 October 2025, keynote 09:30, workshops 13:00–17:00. Make it a table.")
R("neg_date", "scheduled maintenance window",
  "Maintenance window: Sunday 16 March 2025 02:00–04:00 UTC. Write the status-page notice.")
R("neg_date", "financial reporting period",
  "Q1 FY2025 runs from 1 April 2024 to 30 June 2024; the filing deadline is 15 August 2024.")
R("neg_date", "cron schedule and durations",
  "The backup runs at 02:30 every night and takes 45 minutes; retention is 30 days.")
R("neg_date", "JSON created/updated timestamps",
  '{"id": 812, "status": "open", "created_at": "2025-03-01T08:00:00Z", "updated_at": "2025-03-02T09:12:44Z"}')
R("neg_date", "certificate dates from openssl",
  "openssl x509 says: notBefore=Jan 10 00:00:00 2025 GMT, notAfter=Apr 10 23:59:59 2025 GMT. Is it expired?")
R("neg_date", "changelog versions with dates",
  "## v2.3.0 (2025-02-18)\n- faster startup\n## v2.2.1 (2025-01-09)\n- bug fixes\nWrite release notes.")
R("neg_date", "Kubernetes events",
  "LAST SEEN   TYPE      REASON    OBJECT\n2025-03-04T02:17:09Z   Warning   BackOff   pod/api-7d9f\nWhy the backoff?")
R("neg_date", "sports fixtures",
  "Champions League final: 31 May 2025 in Munich, kick-off 21:00 CET. Write a preview.")
R("neg_date", "deadline for a grant call",
  "The Horizon call closes on 16 September 2025 at 17:00 Brussels time. Draft a checklist.")
R("neg_date", "ages and durations only",
  "A 67-year-old with a 3-week history of cough, 40 pack-years. Differential?")
R("neg_date", "timestamps in CSV metrics",
  "ts,cpu,mem\n2025-03-04 02:00,41,70\n2025-03-04 02:05,44,71\nPlot this.")
R("date_neg_mixed", "syslog with hostname (timestamp unlabelled, IP labelled)",
  "Mar  4 02:17:09 fw01 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=⟦IP|203.0.113.9⟧ — what is blocked?")

# ---------------------------------------------------------------- emails
R("email", "email in Slack export JSON",
  '{"user": "U024BE7LH", "text": "ping me at ⟦EM|r.okafor@northwind-labs.io⟧ for the keys"}')
R("email", "email in quoted reply header",
  "On Tue, Mar 4, 2025, Dana Cho <⟦EM|dana.cho@bluefinhealth.org⟧> wrote:\n> can we move the sync?\nDraft a reply.")
R("email", "obfuscated with spaces around dot",
  "contact: ⟦EM|lars.eriksson [at] kth [dot] se⟧ for the dataset")
R("email", "email with subaddress and digits",
  "Sign me up with ⟦EM|mkowalski+news2025@poczta.onet.pl⟧ please.")
R("email", "email in .gitconfig",
  "[user]\n\tname = Tomasz Nowak\n\temail = ⟦EM|tomasz.nowak@kodujemy.pl⟧\nWhy does git ignore this?")
R("email", "email in mailto with subject",
  'Fix this HTML: <a href="mailto:⟦EM|info@casa-rossi.it⟧?subject=Prenotazione">Scrivici</a>')
R("email", "email in Turkish text",
  "Lütfen ⟦EM|elif.yildiz@firma.com.tr⟧ adresine fatura gönderin.")
R("email", "email with hyphenated domain and ccTLD",
  "Send the contract to ⟦EM|jan.novak@stavby-brno.cz⟧ and cc me.")
R("email", "email in From: header",
  "From: ⟦EM|noreply.alerts@scandibank.dk⟧\nTo: ⟦EM|freja.holm@gmail.com⟧\nSubject: login\nIs this phishing?")
R("email", "spelled-out email in transcript",
  "Caller said her email is ⟦EM|maria underscore lopez at yahoo dot com⟧ — wait, can you normalise it?")

# ---------------------------------------------------------------- cards, IBAN, bank, SSN, NHS
R("card", "Visa in voice transcript spaced",
  "Agent: card number please. Caller: ⟦CC|=card('4', 16, ' ')⟧, expiry 08/27.")
R("card", "Mastercard in SQL insert",
  "INSERT INTO payments (user_id, pan, amount) VALUES (77, '⟦CC|=card('52', 16)⟧', 19.99); -- why is this bad?")
R("card", "Amex in email to travel agent",
  "Please charge the deposit to my Amex ⟦CC|=card('37', 15, ' ')⟧.")
R("card", "card in form with dashes",
  "Billing form\nCard: ⟦CC|=card('4', 16, '-')⟧\nName on card: R. Iyer")
R("iban", "SE IBAN grouped in Swedish invoice",
  "Betala till ⟦IBAN|=iban('SE', True)⟧ senast fredag.")
R("iban", "FI IBAN compact",
  "Tilinumero: ⟦IBAN|=iban('FI')⟧ — tarkista oikeinkirjoitus.")
R("iban", "CZ IBAN in Czech text",
  "Číslo účtu ⟦IBAN|=iban('CZ', True)⟧, variabilní symbol 2025031.")
R("iban", "HR IBAN",
  "Uplata na račun ⟦IBAN|=iban('HR')⟧ do kraja mjeseca.")
R("iban", "TR IBAN grouped",
  "Kira ödemesi için IBAN: ⟦IBAN|=iban('TR', True)⟧")
R("iban", "SI IBAN in CSV",
  "payee;iban;amount\nNovak;⟦IBAN|=iban('SI')⟧;120,00\nKranjc;⟦IBAN|=iban('SI')⟧;80,00")
R("iban", "LT IBAN in JSON",
  '{"beneficiary": "UAB Medis", "iban": "⟦IBAN|=iban(\'LT\')⟧", "currency": "EUR"}')
R("bank", "account number after Acct No.",
  "Direct deposit form: Routing 021000021, Acct No. ⟦BANK|=digits(10)⟧, checking.")
R("bank", "account in Spanish US context",
  "Mi número de cuenta es ⟦BANK|=digits(12)⟧ en Wells Fargo, ¿cómo cancelo un cheque?")
R("bank", "account in wire instructions table",
  "| field | value |\n|---|---|\n| Beneficiary account | ⟦BANK|=digits(11)⟧ |\n| ABA | 026009593 |")
R("ssn", "SSN in W-9 style form",
  "Form W-9, Part I, Social security number: ⟦SSN|=ssn('-')⟧. Check the rest of the form.")
R("ssn", "SSN in SMS",
  "mom my ssn is ⟦SSN|=ssn(' ')⟧ for the FAFSA right?")
R("ssn", "SSN in YAML",
  "applicant:\n  name: Dale Cooper\n  ssn: \"⟦SSN|=ssn('-')⟧\"\n  state: WA")
R("nhs", "NHS number in GP letter",
  "Re: Mrs J. Evans, NHS No ⟦NHS|=nhs(' ')⟧, DOB ⟦DT|12/03/1951⟧ — summarise the referral.")
R("nhs", "NHS compact in JSON",
  '{"patient": {"nhsNumber": "⟦NHS|=nhs(\'\')⟧", "surgery": "Elm Road"}}')

# ---------------------------------------------------------------- IDs needing context
R("passport", "passport in visa form",
  "Visa application: Passport number ⟦PP|=digits(9)⟧, issued by the U.S. Department of State.")
R("passport", "passport letter+8 in chat",
  "renewing my passport, old one was ⟦PP|=letter()+digits(8)⟧, do I need it?")
R("passport", "passport in table",
  "Traveller | Passport # | Nationality\nL. Park | ⟦PP|=digits(9)⟧ | US")
R("dl", "Florida DL dashed in police report",
  "Driver 1: license no. ⟦DL|=letter()+digits(3,'0123456789')+'-'+digits(3,'0123456789')+'-'+digits(2,'0123456789')+'-'+digits(3,'0123456789')+'-'+digits(1,'0123456789')⟧ (FL).")
R("dl", "California DL in rental form",
  "Car rental: driver's license ⟦DL|=letter()+digits(7,'0123456789')⟧, exp 2029.")
R("dl", "Texas DL 8 digits after DL#",
  "TX DL# ⟦DL|=digits(8)⟧ — is it still valid after I moved?")
R("dl", "licence number in HR onboarding",
  "I-9 List B document: Driver's License, number ⟦DL|=letter()+digits(8,'0123456789')⟧, issuing state NV.")
R("mrn", "MRN in discharge summary",
  "DISCHARGE SUMMARY\nPatient: R. Alvarez    MRN: ⟦MRN|=digits(8)⟧\nAdmitted: ⟦DT|03/02/2025⟧")
R("mrn", "medical record number in referral fax",
  "Medical record # ⟦MRN|=digits(7)⟧ — please send the last echo report.")
R("mrn", "chart number in dental note",
  "Chart no. ⟦MRN|=digits(6)⟧: crown prep on #14, patient tolerated well.")
R("mrn", "MRN in HL7 PID-3",
  "MSH|^~\\&|EPIC|HOSP|||202503040217||ADT^A01|88|P|2.5\nPID|1||⟦MRN|=digits(8)⟧^^^HOSP^MR||DOE^JANE")
R("health_plan", "member ID on insurance card",
  "My insurance card says Member ID ⟦HP|=letter()+letter()+digits(9,'0123456789')⟧, Group 40021. Is urgent care covered?")
R("health_plan", "MBI in Medicare letter",
  "Your Medicare Number is ⟦HP|=mbi()⟧. Keep this letter for your records.")
R("health_plan", "Medicaid ID",
  "Medicaid ID ⟦HP|=digits(10)⟧ was denied for the prescription — write an appeal.")
R("health_plan", "policy number in claim",
  "Health insurance policy number ⟦HP|=letter()+digits(9,'0123456789')⟧; claim for physiotherapy.")

# ---------------------------------------------------------------- network
R("ip", "IP in firewall rule",
  "iptables -A INPUT -s ⟦IP|198.51.100.23⟧ -j DROP — explain this rule.")
R("ip", "IP in Terraform",
  'resource "aws_security_group_rule" "ssh" {\n  allowed_ip = "⟦IP|203.0.113.77⟧"\n}\nIs this the right way to pin my home IP?')
R("ip", "IPv6 in nginx log",
  "⟦IP|2a02:8108:1280:5ec0::1f4⟧ - - \"GET /login HTTP/2\" 401 — who is this?")
R("ip", "IP in Windows ipconfig",
  "IPv4 Address. . . . . . . . . . . : ⟦IP|192.168.178.34⟧\nSubnet Mask . . . . . . . . . . . : 255.255.255.0\nWhy can't I reach the NAS?")
R("ip", "IP in SSH command",
  "ssh -i key.pem ubuntu@⟦IP|34.201.88.17⟧ times out; what should I check?")
R("mac", "MAC in arp table",
  "? (⟦IP|192.168.1.1⟧) at ⟦MAC|a4:91:b1:2c:7e:03⟧ [ether] on wlan0 — is this my router?")
R("mac", "MAC in Windows format",
  "Physical Address. . . . . . . . . : ⟦MAC|3C-52-82-1F-9A-D4⟧\nRegister this laptop.")
R("url", "personal portfolio URL",
  "Review my site ⟦URL|https://annikaberg.se/portfolio⟧ and suggest improvements.")
R("url", "URL with query in support chat",
  "The link they sent me was ⟦URL|https://track.parcel-hub.eu/t?id=88123&lang=pl⟧, is it a scam?")
R("url", "www URL in letter",
  "Weitere Infos unter ⟦URL|www.praxis-hoffmann.de/termine⟧.")
R("crypto", "ETH in donation request",
  "Donations welcome: ⟦CRY|=eth()⟧ (ETH only).")
R("crypto", "BTC bech32 in chat",
  "send it to ⟦CRY|=btc('p2wpkh')⟧ pls")
R("crypto", "BTC legacy in ransom note analysis",
  "The ransom note asks for payment to ⟦CRY|=btc('p2pkh')⟧. Write an incident summary.")

# ---------------------------------------------------------------- secrets
R("secret", ".netrc password",
  "machine api.heroku.com\n  login ⟦EM|dev@acme.io⟧\n  password ⟦SEC|=tok('', 32, '0123456789abcdef')⟧\nIs this file safe to commit?")
R("secret", ".pgpass line",
  "My ~/.pgpass has db.internal:5432:app:app_user:⟦SEC|Xr7!pQ2zLm9w⟧ — why does psql still prompt?")
R("secret", "Terraform tfvars",
  'db_password = "⟦SEC|Tf-Pr0d#2025!x⟧"\nregion = "eu-west-1"\nWhy is this flagged?')
R("secret", "docker run -e",
  "docker run -e POSTGRES_PASSWORD=⟦SEC|pg_S3cret_4471⟧ -p 5432:5432 postgres:16 — explain.")
R("secret", "mysql -p inline",
  "mysql -u root -p⟦SEC|Rt!88xQz⟧ -h ⟦IP|10.0.0.5⟧ fails with access denied, why?")
R("secret", "JDBC URL with password param",
  "jdbc:sqlserver://db01:1433;databaseName=hr;user=hr_app;password=⟦SEC|Hr#App2025x⟧ — fix the timeout.")
R("secret", "GitHub token in git remote",
  "git remote set-url origin ⟦SEC|=\"https://x-access-token:\" + tok('ghp_', 36) + \"@github.com/acme/app.git\"⟧")
R("secret", "Slack webhook URL",
  "Post alerts to ⟦SEC|=\"https://hooks.slack.com/services/T0\" + tok('', 7, string.ascii_uppercase + string.digits) + \"/B0\" + tok('', 7, string.ascii_uppercase + string.digits) + \"/\" + tok('', 24)⟧ from the cron job.")
R("secret", "AWS keys in Python boto3",
  "s3 = boto3.client('s3', aws_access_key_id='⟦SEC|=tok('AKIA', 16, string.ascii_uppercase + '234567')⟧', aws_secret_access_key='⟦SEC|=aws_secret()⟧')")
R("secret", "OpenAI key in curl header",
  'curl ⟦URL|https://api.openai.com/v1/models⟧ -H "Authorization: Bearer ⟦SEC|=tok(\'sk-proj-\', 48, B64URL)⟧"')
R("secret", "Stripe restricted key in YAML",
  "stripe:\n  secret_key: ⟦SEC|=tok('rk_live_', 32)⟧\n  webhook_tolerance: 300")
R("secret", "password in French prose",
  "Mon mot de passe Wi-Fi est ⟦SEC|Soleil-Matin-77⟧, tu peux l'écrire sur la fiche pour les invités ?")
R("secret", "Spanish contraseña",
  "Usuario: admin, contraseña: ⟦SEC|Qw!9zR4t-Lp⟧. ¿Cómo la cambio en el router?")
R("secret", "API key in JS fetch header",
  "fetch(url, { headers: { 'x-api-key': '⟦SEC|=tok('', 40, ALNUM)⟧' } }) returns 403 — why?")
R("secret", "JWT in localStorage dump",
  "localStorage: {\"access_token\": \"⟦SEC|=jwt({'sub': '4417', 'role': 'admin'})⟧\"}")
R("secret", "PEM RSA in Terraform heredoc",
  "private_key = <<EOF\n⟦SEC|=pem('RSA PRIVATE KEY', 4)⟧\nEOF")
R("secret", "Hashicorp Vault token",
  "export VAULT_TOKEN=⟦SEC|=tok('hvs.', 24, ALNUM)⟧ then vault kv get secret/app fails")
R("secret", "SMTP password in Django settings",
  "EMAIL_HOST_USER = '⟦EM|alerts@acme.io⟧'\nEMAIL_HOST_PASSWORD = '⟦SEC|mH4!rQ9zW2x⟧'\nWhy does Gmail reject it?")
R("secret", "htpasswd-style in prose with username",
  "the admin login for the staging site is user `qa-team` / pass `⟦SEC|Stg#Qa2025!⟧`, please add to the runbook")

# ---------------------------------------------------------------- mixed documents
R("mixed", "Swedish patient letter",
  "Kallelse: ⟦DT|onsdag 9 april⟧ kl. ⟦DT|13:30⟧. Vid förhinder ring ⟦PH@SE|08-517 740 00⟧. E-post: ⟦EM|kallelse@sodersjukhuset.se⟧")
R("mixed", "US intake form",
  "Name: Gloria Mendez\nDOB: ⟦DT|05/17/1968⟧\nPhone: ⟦PH@US|(915) 482-3391⟧\nSSN: ⟦SSN|=ssn('-')⟧\nInsurance Member ID: ⟦HP|=letter()+digits(10,'0123456789')⟧")
R("mixed", "Polish invoice",
  "Faktura dla: Jan Kowalski, tel. ⟦PH@PL|+48 601 482 339⟧, e-mail ⟦EM|jan.kowalski@wp.pl⟧, konto ⟦IBAN|=iban('PL', True)⟧.")
R("mixed", "Turkish HR record",
  "Çalışan: Emre Kaya\nİşe giriş: ⟦DT|02.09.2021⟧\nCep: ⟦PH@TR|0532 418 27 65⟧\nE-posta: ⟦EM|emre.kaya@sirket.com.tr⟧")
R("mixed", "incident report with IP and user email",
  "At 02:17 UTC the WAF blocked ⟦IP|185.220.101.44⟧ after repeated logins to ⟦EM|ops-admin@helio-grid.com⟧. Draft the report.")
R("mixed", "rental application Canada",
  "Applicant: Priya Nair, cell ⟦PH@CA|(604) 718-2290⟧, email ⟦EM|priya.nair@shaw.ca⟧, moving in ⟦DT|July 1, 2025⟧.")
R("mixed", "hotel booking confirmation",
  "Guest: M. Rossi · Check-in ⟦DT|Fri 20 June 2025⟧ · Check-out ⟦DT|Sun 22 June 2025⟧ · Tel ⟦PH@IT|+39 333 481 2290⟧ · Card ⟦CC|=card('4', 16, ' ')⟧")
R("mixed", "GitHub issue with leaked env",
  "### Steps\n1. set `DATABASE_URL=⟦SEC|postgres://app:Gh7!kP2q@10.2.0.15:5432/app⟧`\n2. run migrations\n### Expected\nno crash")
R("mixed", "Danish citizen service letter",
  "Kære Mette, dit møde er ⟦DT|tirsdag den 6. maj⟧ kl. ⟦DT|10.30⟧. Ring på ⟦PH@DK|+45 33 66 33 66⟧ ved afbud.")
R("mixed", "claims email with policy and phone",
  "Hi, I'm following up on claim 7731 for policy ⟦HP|=letter()+digits(9,'0123456789')⟧. Call me at ⟦PH@US|(414) 382-7710⟧.")

# ---------------------------------------------------------------- hard negatives
R("neg_ids", "order and tracking numbers",
  "Order #4417-2290-1183 shipped with UPS 1Z999AA10123456784; invoice INV-2025-00431.")
R("neg_ids", "part and serial numbers shaped like SSNs",
  "Replace valve part no. 214-55-7731 and check serial SN 512-44-9021 on the pump.")
R("neg_ids", "model numbers and SKUs",
  "Compare model KD-55X85K with SKU 6501-482-337 and item 88-4471-2.")
R("neg_ids", "bank sort code and BIC only",
  "UK sort code 20-00-00 and BIC NWBKGB2L — what do they identify?")
R("neg_ids", "Luhn-invalid card in test",
  "Why does our validator accept ⟦!CC|=badcard('4', 16, ' ')⟧? It should fail Luhn.")
R("neg_ids", "invalid IBAN in docs",
  "Example (checksum intentionally wrong): ⟦!IBAN|=badiban('DE')⟧.")
R("neg_ids", "invalid NHS look-alike",
  "Test data row: nhs=⟦!NHS|=badnhs(' ')⟧ should be rejected by the validator.")
R("neg_ids", "case and ticket ids",
  "Ticket SR-2025-448173 and case 00812234 relate to the same outage.")
R("neg_ids", "ISBN and DOI",
  "Cite ISBN 978-0-13-468599-1 and doi:10.1145/3318464.3389702 in APA style.")
R("neg_ids", "IMEI and ICCID",
  "IMEI 356938035643809 and ICCID 8944500102198304826 — what do these identify?")
R("neg_ids", "tracking number with phone-like groups",
  "DHL waybill 1234 5678 90 and parcel 3S PQR 4417 2290 — where is it?")
R("neg_ids", "US routing number alone",
  "Is 026009593 the routing number for Bank of America wires?")
R("neg_ids", "masked values",
  "Card ending •••• 4417, SSN ***-**-2290, account ****8831 — write the confirmation letter.")
R("neg_ids", "employee and badge ids",
  "Employee ID E-448173, badge 00231, cost centre 4410-220.")
R("neg_ids", "EAN barcode and lot number",
  "EAN 4006381333931, lot 24A117, best before 2026-03 — is the label compliant?")
R("neg_net", "versions and OIDs",
  "OID 1.3.6.1.4.1.311 and firmware 4.19.255.1 — which vendor?")
R("neg_net", "localhost and docs IPs",
  "Bind to 127.0.0.1:8080 and 0.0.0.0; mask 255.255.240.0. Explain.")
R("neg_net", "file names and modules",
  "Open utils.py, then config/settings.yaml and index.html in VS Code.")
R("neg_net", "loopback IPv6",
  "curl -6 http://[::1]:8080/health returns 200 — fine?")
R("neg_secret", "placeholders in docker-compose",
  "environment:\n  - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n  - API_KEY=<your-api-key>\nExplain.")
R("neg_secret", "secret names without values",
  "Set GITHUB_TOKEN and NPM_TOKEN in the repository secrets, then re-run the workflow.")
R("neg_secret", "password requirements",
  "Password must be at least 12 characters and include a digit; tokens expire after 3600 seconds.")
R("neg_secret", "hashes and digests",
  "sha256: ⟦_|=hexs(64)⟧ and etag W/\"⟦_|=hexs(32)⟧\" — are they the same file?")
R("neg_secret", "Kubernetes secretKeyRef",
  "env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db-creds\n      key: password")
R("neg_secret", "example keys from docs",
  "AWS docs use AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY — explain the format.")
R("neg_secret", "password field in form schema",
  '{"type": "object", "properties": {"password": {"type": "string", "minLength": 12}}}')
R("neg_email", "npm scope and decorators",
  "Install @angular/core@17.3.0 and use @Injectable() in the service.")
R("neg_email", "twitter handles",
  "Follow @nasa and @esa for launch updates; tag #ArtemisII.")
R("neg_phone", "money and quantities",
  "Budget 1 250 000 SEK, 4 500 units, shipping 2 400 kg. Summarise.")
R("neg_phone", "math expressions",
  "Solve 3 482 + 7 719 - 2 290 and 1234 x 5678.")
R("neg_phone", "bank holidays + prices in CZK",
  "Cena 12 990 Kč, sleva 2 000 Kč do 31. 12. — napiš reklamní text.")
R("neg_phone", "statistical table",
  "year | births | deaths\n2022 | 101 299 | 120 219\n2023 | 91 222 | 112 781")
R("neg_phone", "coordinates",
  "Convert 59.3293, 18.0686 to DMS and explain the format.")
R("neg_misc", "generic coding question",
  "How do I debounce an input in React with a 300 ms delay?")
R("neg_misc", "semver ranges",
  "Why does ^1.2.3 match 1.9.0 but not 2.0.0, and ~1.2.3 only 1.2.x?")
R("neg_misc", "chemistry and units",
  "Calculate the molarity of 5.85 g NaCl in 250 mL water.")
R("neg_misc", "weather forecast",
  "Tomorrow 14–19 °C, wind 20 km/h, sunrise 06:12 and sunset 20:41.")
R("neg_misc", "train timetable",
  "Trains to Malmö leave at 07:05, 07:35 and 08:05 from platform 4. Which is fastest?")
R("neg_misc", "bible and legal refs",
  "Compare John 3:16 with 1 Cor 13:4-7 and § 823 Abs. 1 BGB.")
R("neg_misc", "Excel formulas",
  "=SUMIFS(C2:C500, A2:A500, \">=\"&DATE(2025,1,1)) returns 0 — why?")
R("neg_misc", "football scores and minutes",
  "Final score 3:1, goals in the 12', 45+2' and 88' minutes.")
R("neg_misc", "screen resolutions and aspect ratios",
  "Should I export at 1920x1080 (16:9) or 2560x1440?")
R("neg_misc", "GPS tracks with timestamps",
  "<trkpt lat=\"48.1371\" lon=\"11.5754\"><time>2025-03-04T02:17:09Z</time></trkpt> — parse this.")
R("neg_misc", "academic citation with dates",
  "Smith et al. (2019), published online 12 March 2019, Nature 567:212–215. Summarise.")
R("neg_misc", "recipe times",
  "Bake for 1h 15 min at 180 °C, then rest for 10 minutes.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "challenge2.jsonl"))
    a = ap.parse_args()
    if mc.phonenumbers is None:
        print("note: `phonenumbers` not importable; phone numbers were not re-validated", file=sys.stderr)
    out, errs, seen = [], [], set()
    for i, (cat, note, tmpl) in enumerate(ROWS, 1):
        rid = f"ch2-{i:04d}"
        text, spans, e = mc.render(rid, tmpl)
        errs += e
        if text in seen:
            errs.append(f"{rid}: duplicate text")
        seen.add(text)
        out.append({"id": rid, "text": text, "spans": spans, "meta": {"category": cat, "note": note},
                    "label_scope": mc.SCOPE})
    if errs:
        print("\n".join(errs), file=sys.stderr)
        raise SystemExit(f"{len(errs)} validation error(s)")
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    neg = sum(1 for r in out if not r["spans"])
    print(f"wrote {len(out)} rows, {sum(len(r['spans']) for r in out)} spans, {neg} PII-free rows -> {a.out}")


if __name__ == "__main__":
    main()

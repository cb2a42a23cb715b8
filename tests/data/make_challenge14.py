#!/usr/bin/env python3
"""Generate challenge14.jsonl: a blind evaluation set for ORGANIZATION boundaries (with PERSON and LOCATION).

Rows: {"id": "c14-NNNN", "text", "spans": [{"start", "end", "label"}],
"label_scope": ["ORGANIZATION", "PERSON", "LOCATION"], "meta": {"kind", "lang", "polarity"}}.
Offsets are Python str (code point) indices, end exclusive. Gold is exhaustive for the three labels in
every text. meta.polarity is "pos" when the text has at least one ORGANIZATION span, otherwise "neg"
(negative rows may still contain PERSON / LOCATION spans, e.g. rows with person names only).

Definitions follow shared/eval/TAXONOMY.md. Conventions chosen for this set (applied to every row):

ORGANIZATION
 1. The span is the full proper name as written, including its legal form (Ltd, PLC, LLP, LLC, Inc.,
    Pty Ltd, Pvt. Ltd., GmbH, GmbH & Co. KG, AG & Co. KGaA, UG (haftungsbeschränkt), e.V., SARL, SAS,
    SPRL, S.A., S.L.U., S.L.P., S.r.l., S.p.A., S.n.c., S.a.s., Lda., Ltda., B.V., N.V., V.O.F., ApS,
    A/S, AS, ASA, AB, Oy, Oyj, Ky, sp. z o.o., sp.k., sp.j., s.r.o., a.s., A.Ş., Ltd. Şti., 株式会社 ...)
    and a comma that belongs to the name ("Acme Widgets, Inc.", "Harlow, Finch and Moss LLP").
 2. Abbreviation dots: the dot of a dotted legal form is part of the span, also when the same dot ends
    the sentence ("... joined Bayside Analytics, Inc." -> span ends after "Inc."). A sentence-final dot
    after anything else (a name without a dotted legal form, "SA", "GmbH", "KPMG") is outside.
 3. A leading article or contracted article is outside: the/The, l', la, le, lo, il, el, der/die/das,
    het/de, au/du/vom/all' (the article part). Articles inside the name stay ("Hospital Universitario
    La Paz", "Apotheek De Linde", "Universidad de los Andes"). Names whose own first word is an article
    (e.g. a café called "Le Petit ...") were left out as ambiguous.
 4. Following generic words that are not part of the name are outside: "Argos support" -> "Argos",
    "Barclays' fraud team" -> "Barclays", "CVS Pharmacy #4821" -> "CVS Pharmacy", "La société X" -> X,
    "Organizace X" -> X. Descriptive words that are part of the styled name stay inside ("Studio Legale
    Bassi Ferri", "Advocatenkantoor Dekker & Smit", "Apotheke am Markt", "Pharmacie du Centre").
 5. Possessives and separated suffixes are outside: "Tesla's" -> "Tesla", "Barclays'" -> "Barclays",
    Turkish apostrophe suffixes ("Koç Holding'de" -> "Koç Holding"), Finnish colon suffixes
    ("Nokia Oyj:ssä" -> "Nokia Oyj"). Fused inflections (no separator) are inside the span as written:
    "bei der Deutschen Bank" -> "Deutschen Bank", "na Uniwersytecie Jagiellońskim", "v Komerční bance",
    "Krakowie", "Espoossa" (same rule for PERSON and LOCATION).
 6. Place names that are part of an official name stay inside the ORG span and are not also LOCATION
    ("University of Leeds", "Klinikum Nürnberg Nord", "Sparkasse Hannover", "Banca Monte dei Paschi di
    Siena", "Fakultní nemocnice v Motole", "X Hospital Trust"). Person names inside an organization name
    are not PERSON ("Johns Hopkins Hospital", "Hospital Israelita Albert Einstein").
 7. A branch, store or town given after the name is a separate LOCATION and the generic word is outside:
    "Canara Bank, Basavanagudi branch" -> ORG "Canara Bank" + LOC "Basavanagudi"; the same without a
    comma in Turkish/Japanese ("İş Bankası A.Ş. Kadıköy şubesi", "みずほ銀行渋谷支店" -> ORG + LOC 渋谷).
 8. A parenthesised acronym after the full name is its own ORG span, parentheses outside
    ("Zakład Ubezpieczeń Społecznych (ZUS)" -> two ORG spans). "M/s" before an Indian firm is outside.
 9. Products, software and services named as tools (Excel, Slack, Kubernetes, Jira, GitHub Actions,
    WhatsApp, Google Drive, Uber, Medicare/PBS as programmes), eponymous diseases/theorems, brand names
    used generically (Kleenex, Tempo, Tesa, Scotch, Bombril, ホッチキス), course codes, form field labels,
    job titles, departments named generically (Human Resources, Accounts Payable) are not labelled.
    Sub-units such as "Faculty of Law" or "Klinik für Kardiologie" were left out as ambiguous.

PERSON
10. Titles and honorifics are outside (Mr, Ms, Dr, Dra., dott., Herr, Frau, M., Mme, lek., advokat,
    様, さん, -san); initials belong to the name ("M. Kessler", "T. Brooks"). Chat speaker names are PERSON.

LOCATION
11. Cities, districts, streets and full addresses. Contiguous address parts (street, number, postcode,
    district, city, state abbreviation) are one span; a city joined to a street or district by a comma is
    part of the same span ("Greams Road, Chennai"). Countries, states, provinces and regions on their
    own are never labelled (Texas, Bayern, Kerala, Île-de-France, Jordan). "City, State" pairs without
    a street were left out as ambiguous.

Templates are hand-written, one per row, with [[ORG:...]], [[PER:...]] and [[LOC:...]] markers that are
stripped while recording offsets. All person names and most companies are invented; well-known public
companies and institutions appear under their real names. Standard library only; fixed seed for the
row order; deterministic output. Written blind: the detector's sources and other challenge files were
not read.
"""
import collections
import json
import os
import random
import re

SEED = 14
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "challenge14.jsonl")
MARK = re.compile(r"\[\[(ORG|PER|LOC):(.+?)\]\]")
LABELS = {"ORG": "ORGANIZATION", "PER": "PERSON", "LOC": "LOCATION"}
SCOPE = ["ORGANIZATION", "PERSON", "LOCATION"]

# lang -> [(kind, template)]
T = collections.OrderedDict()

# --------------------------------------------------------------------------------------------- English
T["en-GB"] = [
    ("letter", "[[ORG:Harlow, Finch and Moss LLP]]\n[[LOC:14 Wellington Street, Leeds LS1 4DL]]\n\nDear Ms [[PER:Okafor]],\n\nWe act for [[ORG:Pennine Dairy Supplies Ltd]] in its dispute with your client, [[ORG:Kestrel Foods Limited]]. Please direct all correspondence to the undersigned.\n\nYours sincerely,\n[[PER:Daniel Whitcombe]]\nPartner, [[ORG:Harlow, Finch and Moss LLP]]"),
    ("legal", "Opposing party: [[PER:Jane Roe]] and [[ORG:Roe Holdings Ltd]]\nOur client: [[ORG:Brightwater Lettings Limited]]\nFee earner: [[PER:Imogen Clarke]]\nHearing venue: [[LOC:Bristol]]"),
    ("tax", "[[ORG:HM Revenue & Customs]] has opened an enquiry into the 2022-23 return of Mr [[PER:Ravi Patel]]. His agent, [[ORG:Greenhalgh Webb LLP]] of [[LOC:Bolton]], has asked [[ORG:HMRC]] for a 30-day extension."),
    ("clinical", "Referral: Dr [[PER:Helen Marsh]] (GP, [[LOC:Lewisham]]) to [[ORG:Guy's and St Thomas' NHS Foundation Trust]], cardiology. 58M, exertional chest pain, family history of Marfan syndrome."),
    ("invoice", "INVOICE NO. 55821\nFROM: [[ORG:ACME LOGISTICS LTD]], [[LOC:UNIT 7, TRAFFORD PARK, MANCHESTER M17 1AB]]\nTO: [[ORG:KESTREL FOODS LIMITED]]\nATTN: [[PER:SARAH LINDLEY]]\nTERMS: 30 DAYS"),
    ("signature", "Thanks,\n[[PER:Tom Aldridge]]\nHead of Procurement | [[ORG:Nationwide Building Society]]\n[[LOC:3 Queen's Row, Swindon SN1 2AB]]\nThis e-mail and any attachments are confidential."),
    ("chat", "[09:14] [[PER:Priya]]: got the offer from [[ORG:Deloitte]]!!\n[09:15] [[PER:Sam]]: nice, [[ORG:KPMG]] never called me back\n[09:15] [[PER:Priya]]: office is in [[LOC:Birmingham]], start after Easter"),
    ("hr", "The [[ORG:University of Leeds]] has confirmed that Dr [[PER:Eleanor Voss]] was employed as a research fellow; she now lectures at [[ORG:King's College London]]."),
    ("banking", "Please pay the deposit into [[ORG:Barclays]], [[LOC:Harrogate]] branch, quoting reference FLAT2B. [[ORG:Barclays]]' fraud team may call you to confirm."),
    ("charity", "Volunteer coordinator [[PER:Gwen Price]] joined [[ORG:Citizens Advice]] last spring after twelve years at the [[ORG:British Heart Foundation]]."),
    ("retail", "Complaint ref 88213: customer [[PER:Lewis Grant]] says [[ORG:Marks and Spencer]] refunded him but [[ORG:Argos]] support never replied."),
    ("news", "[[ORG:Greggs plc]] will open a shop on [[LOC:Northumberland Street]] in [[LOC:Newcastle]], the company said."),
    ("gov", "Your vehicle details went to the [[ORG:DVLA]] and your confirmation statement to [[ORG:Companies House]] on the same day, Mr [[PER:Hughes]]."),
    ("ticket", "Escalated to [[ORG:Pennant Software Ltd]] support on Tuesday; their contact is [[PER:Jo Fairley]] in [[LOC:Reading]]."),
    ("lease", "The lease for the unit was signed by [[PER:Oliver Grant]] on behalf of [[ORG:Grant & Pryce Ltd.]]"),
    ("log", "2024-06-01 09:00:01 INFO payroll: employer='[[ORG:Hollis & Daughters Bakery Ltd]]' employee='[[PER:Kieran Walsh]]' site='[[LOC:Stockport]]'"),
    # negatives
    ("neg-tools", "I've put the rota in Excel, the notes in OneNote and shared both on Slack; the Kubernetes migration slides are in PowerPoint."),
    ("neg-clinical", "Clinic letter: diagnosis of Crohn's disease confirmed. Family history of Parkinson's and Alzheimer's. Continue mesalazine; review in the IBD clinic in 3 months."),
    ("neg-form", "Surname: ____________\nForename(s): ____________\nD.O.B.: __/__/____\nNI No.: ____________\nEmployer: ____________\nJob title: ____________"),
    ("neg-persons", "Present: [[PER:Alice Brennan]] (Chair), [[PER:Marcus Lowe]] (Treasurer), [[PER:Dev Sharma]] (Secretary). Apologies: [[PER:Ruth Ellis]]."),
    ("neg-jobs", "We're hiring a Senior Vice President of Sales, a Chief Financial Officer and two Data Protection Officers. All roles are hybrid and open to applicants in Scotland or Wales."),
    ("neg-training", "Staff training this term: First Aid at Work (Level 3), New Starter Induction, Fire Marshal Refresher and Manual Handling."),
    ("neg-departments", "Please route invoices to Accounts Payable and leave requests to Human Resources; Legal signs off on every NDA."),
    ("neg-generic", "Can you hoover the hall and grab some Sellotape and a Biro from the drawer?"),
    ("neg-countries", "Exports to Jordan, Georgia and Chad are paused pending licences."),
]

T["en-US"] = [
    ("hr", "Offer letter: [[PER:Marcus Bell]] will join as Corporate Controller in [[LOC:Dayton]], reporting to the CFO of [[ORG:Acme Widgets, Inc.]]"),
    ("news", "After nine years at [[ORG:Procter & Gamble]], [[PER:Dana Whitfield]] is leaving to run finance at [[ORG:Bayside Analytics, Inc.]]"),
    ("clinical", "Patient seen at [[ORG:Mayo Clinic]] in [[LOC:Rochester]]; outside records requested from [[ORG:Saint Agnes Medical Center]] in [[LOC:Fresno]]. PCP: Dr. [[PER:Lena Ortiz]]."),
    ("banking", "Loan officer [[PER:Brandon Kim]] at [[ORG:First Harbour Credit Union]] approved the refinance for [[PER:Tasha Reynolds]] on Friday."),
    ("csv", "vendor_name,contact,city\n[[ORG:Bluegrass Roofing LLC]],[[PER:Dale Whitt]],[[LOC:Lexington]]\n\"[[ORG:Harbor & Pine Dental Group, PLLC]]\",[[PER:Megan Cho]],[[LOC:Portland]]\n\"[[ORG:JPMorgan Chase & Co.]]\",[[PER:Ian Fisher]],[[LOC:New York]]"),
    ("tax", "The [[ORG:Internal Revenue Service]] mailed a CP2000 notice to [[PER:Gloria Mendez]] at [[LOC:4410 W Alameda Ave, Denver, CO 80219]]."),
    ("legal", "Defendants: [[PER:John Doe]] and [[ORG:Doe Transport LLC]]; counsel for plaintiff: [[ORG:Okafor, Bell & Lindqvist LLP]]"),
    ("insurance", "[[ORG:New York Life Insurance Company]] denied the claim filed by [[PER:Carla Nguyen]] for her late husband."),
    ("education", "[[PER:Kevin O'Hara]] transferred from [[ORG:Ohio State University]] to the [[ORG:University of Michigan]] in his junior year."),
    ("pharmacy", "Rx transfer: from [[ORG:CVS Pharmacy]] #4821 to the [[ORG:Walgreens]] on [[LOC:Main Street]], patient [[PER:Harold Stein]]."),
    ("json", '{"level":"info","event":"kyc_passed","applicant":"[[PER:Rosa Delgado]]","employer":"[[ORG:Northwind Traders, Inc.]]","city":"[[LOC:Tacoma]]"}'),
    ("hospital", "Transferred to [[ORG:Johns Hopkins Hospital]] after initial stabilization at a community hospital; wife [[PER:Linda Park]] at bedside."),
    ("ngo", "[[PER:Omar Haddad]] volunteers with the [[ORG:American Red Cross]] and [[ORG:Habitat for Humanity]] on weekends."),
    ("log", "2024-05-02 13:44:10 WARN billing: chargeback opened by [[ORG:Wells Fargo]] for account holder [[PER:T. Brooks]] (merchant: [[ORG:Sunset Vape & Smoke LLC]])"),
    ("possessive", "[[PER:Ray Alvarez]] left [[ORG:Tesla]]'s battery team in [[LOC:Sparks]] to join [[ORG:Rivian Automotive, Inc.]] at its plant in [[LOC:Normal]]."),
    # negatives
    ("neg-syllabus", "Prerequisites: ECON 220 Intermediate Microeconomics and MATH 101; FIN 310 Corporate Finance is recommended. Labs meet in Room 4B."),
    ("neg-clinical", "Differential includes Hashimoto's thyroiditis, Graves' disease and Cushing's syndrome; Tourette's noted in childhood."),
    ("neg-generic", "She googled the error, grabbed a Kleenex, put a Band-Aid on her thumb and called an Uber."),
    ("neg-states", "The policy covers residents of Texas, Georgia, Virginia and Washington; Puerto Rico is excluded."),
    ("neg-jobs", "Open roles: Registered Nurse, Nurse Practitioner, Physician Assistant, Medical Assistant (bilingual), Director of Nursing."),
    ("neg-tools", "Deploy notes: bumped the Terraform module, rebuilt the Datadog dashboards and pinned the Node version in GitHub Actions."),
    ("neg-software", "Upgraded PostgreSQL to 16, moved the queue from RabbitMQ to Kafka, and the React front end now builds with Vite."),
    ("neg-eponym", "Use Dijkstra's algorithm for the routing step and sanity-check the estimate with Bayes' theorem."),
]

T["en-AU"] = [
    ("invoice", "Tax invoice from [[ORG:Kookaburra Plumbing Pty Ltd]] to [[PER:Shane Doherty]] for work at [[LOC:12 Banksia Crescent, Toowong QLD 4066]]. Payment due in 14 days."),
    ("clinical", "Admitted to the [[ORG:Royal Melbourne Hospital]] via ED; transferred to [[ORG:St Vincent's Hospital]], [[LOC:Fitzroy]], for rehab. NOK: [[PER:Bronwyn Taylor]] (daughter)."),
    ("tax", "Letter from the [[ORG:Australian Taxation Office]] to [[PER:Mia Tran]]: please call the [[ORG:ATO]] about your 2023 return."),
    ("family", "[[PER:Jack Wilson]] banks with [[ORG:Commonwealth Bank]] and his partner [[PER:Emma Hughes]] works at [[ORG:Chemist Warehouse]] in [[LOC:Parramatta]]."),
    ("education", "[[ORG:University of Queensland]] has offered [[PER:Aisha Rahman]] a place; she will decline her offer from [[ORG:Monash University]]."),
    ("sms", "hey it's [[PER:Bec]], the quote came from\n[[ORG:Southern Cross Roofing & Guttering Pty Ltd]]\nand the cheaper one from [[ORG:Bunnings]]"),
    ("super", "Rollover request: [[PER:Liam O'Connor]] is moving his super from [[ORG:AustralianSuper]] to [[ORG:Hostplus]]."),
    # negatives
    ("neg-benefits", "Medicare card number, Medicare levy and the PBS safety net are explained on page 2 of the form."),
    ("neg-states", "Border rules differ between Queensland, Victoria and Tasmania, so check before you drive."),
    ("neg-clinical", "Dx: Ménière's disease. Hx: Bell's palsy, Raynaud's phenomenon."),
]

T["en-IN"] = [
    ("banking", "Kindly transfer the amount to [[ORG:Canara Bank]], [[LOC:Basavanagudi]] branch, IFSC CNRB0000123, account holder [[PER:Lakshmi Narayanan]]."),
    ("hr", "[[PER:Ankit Verma]] joined [[ORG:Tata Consultancy Services]] in [[LOC:Pune]] after graduating from [[ORG:Indian Institute of Technology Bombay]]."),
    ("trade", "[[ORG:Sharma Textiles Pvt. Ltd.]] supplies [[ORG:Reliance Retail Limited]] from its unit in [[LOC:Surat]]."),
    ("clinical", "Discharge summary, [[ORG:Apollo Hospitals]], [[LOC:Greams Road, Chennai]]. Patient: [[PER:R. Subramanian]], 64 yrs."),
    ("insurance", "The [[ORG:LIC]] policy has matured and Mr [[PER:Suresh Iyer]] wants the proceeds credited to his [[ORG:HDFC Bank]] account."),
    ("gov", "Aadhaar update request rejected by [[ORG:UIDAI]]; [[PER:Meena Kumari]] must revisit the enrolment centre in [[LOC:Karol Bagh]]."),
    ("cheque", "Cheque payable to M/s [[ORG:Gupta & Sons]], [[LOC:Chandni Chowk, Delhi]]. Drawn on [[ORG:State Bank of India]], [[LOC:Connaught Place]] branch."),
    ("chat", "[[PER:Neha]]: bro [[ORG:Infosys]] or [[ORG:Wipro]]?\n[[PER:Karthik]]: [[ORG:Infosys]], the [[LOC:Mysuru]] campus training is solid"),
    # negatives
    ("neg-docs", "Please carry Aadhaar, PAN card and voter ID. The IMEI of the lost phone and the FIR number are also required."),
    ("neg-persons", "[[PER:Priyanka Rao]] and [[PER:Arjun Mehta]] will travel from Kerala to Maharashtra next week."),
    ("neg-jobs", "Posts vacant: Junior Engineer (Civil), Assistant Section Officer, Upper Division Clerk, Stenographer Grade D."),
]

# --------------------------------------------------------------------------------------------- German
T["de"] = [
    ("registry", "Die [[ORG:Ritter & Söhne GmbH & Co. KG]] aus [[LOC:Solingen]] hat Herrn [[PER:Klaus Brenner]] Prokura erteilt."),
    ("clinical", "Die Patientin wurde vom [[ORG:Klinikum Nürnberg Nord]] in das [[ORG:Universitätsklinikum Erlangen]] verlegt. Hausarzt: Dr. [[PER:Stefan Albrecht]], [[LOC:Fürth]]."),
    ("banking", "Bitte überweisen Sie den Betrag an die [[ORG:Sparkasse Hannover]]. Ansprechpartnerin: Frau [[PER:Sabine Vogt]]."),
    ("form", "Arbeitgeber: [[ORG:Müller-Lüdenscheidt Bau GmbH]]\nAnschrift: [[LOC:Industriestraße 12, 58509 Lüdenscheid]]\nBeschäftigt seit: 03/2017\nTätigkeit: Bauleiter"),
    ("hr", "[[PER:Jonas Weber]] arbeitet seit 2019 bei der [[ORG:Deutschen Bank]] in [[LOC:Frankfurt am Main]]."),
    ("tax", "Der Bescheid kam vom [[ORG:Bundeszentralamt für Steuern]] ([[ORG:BZSt]]) und betrifft die Erstattung für [[PER:Mehmet Aksoy]]."),
    ("ngo", "Der [[ORG:Tierschutzverein Köln-Dellbrück e.V.]] sucht Pflegestellen; Kontakt: [[PER:Petra Linke]]."),
    ("startup", "Gründer [[PER:Timo Hass]] hat die [[ORG:Nordlicht Software UG (haftungsbeschränkt)]] in [[LOC:Kiel]] gegründet."),
    ("report", "Prüfbericht Nr. 4471\nPrüfstelle: [[ORG:TÜV SÜD AG]]\nPrüfer: [[PER:M. Kessler]]\nFahrzeughalter: [[PER:Gerd Lorenz]]"),
    ("pharmacy", "Rezept eingelöst in der [[ORG:Apotheke am Markt]], [[LOC:Marktplatz 3, 72070 Tübingen]]."),
    ("signature", "Mit freundlichen Grüßen\nDr. [[PER:Anna Schäfer]]\nOberärztin Kardiologie\n[[ORG:Charité – Universitätsmedizin Berlin]]\n[[LOC:Charitéplatz 1, 10117 Berlin]]"),
    ("education", "[[PER:Lea Brandt]] promoviert an der [[ORG:Heinrich-Heine-Universität Düsseldorf]] und arbeitet nebenbei für [[ORG:Henkel AG & Co. KGaA]]."),
    ("donation", "Spendenquittung: Das [[ORG:Deutsche Rote Kreuz]] bestätigt den Eingang von 50 € von [[PER:Ute Krämer]]."),
    ("log", "2024-02-11T08:12:55Z ERROR sepa-export: Mandat abgelehnt, Gläubiger=[[ORG:Stadtwerke Bielefeld GmbH]], Schuldner=[[PER:Heike Brandes]]"),
    ("table", "Lieferant | Ansprechpartner | Ort\n[[ORG:Robert Bosch GmbH]] | [[PER:Frank Heller]] | [[LOC:Gerlingen]]\n[[ORG:Weidmüller Interface GmbH & Co. KG]] | [[PER:Sandra Kühn]] | [[LOC:Detmold]]"),
    # negatives
    ("neg-tools", "Bitte die Tabelle in Excel pflegen und den Link im Teams-Kanal posten; das Ticket liegt in Jira."),
    ("neg-clinical", "Diagnosen: Morbus Crohn, Verdacht auf Morbus Parkinson, Z. n. Hodgkin-Lymphom."),
    ("neg-form", "Pflichtfelder: Geburtsdatum, Steuer-ID, Sozialversicherungsnummer, IBAN, Arbeitgeber, Personalnummer."),
    ("neg-jobs", "Gesucht: Geschäftsführer (m/w/d), Leiter Einkauf und Sachbearbeiterin Buchhaltung, Einsatzort in Bayern."),
    ("neg-persons", "Anwesend: [[PER:Jürgen Haller]], [[PER:Aylin Demir]], [[PER:Birgit Sommer]]; Protokoll: [[PER:Nils Ott]]."),
    ("neg-generic", "Er hat sich ein Tempo genommen und den Zettel mit Tesa an den Kühlschrank geklebt."),
]

T["de-CH"] = [
    ("accounting", "Die [[ORG:Bergmann Treuhand AG]] in [[LOC:Winterthur]] führt die Buchhaltung; das Konto liegt bei der [[ORG:Zürcher Kantonalbank]]."),
]

# --------------------------------------------------------------------------------------------- French
T["fr"] = [
    ("clinical", "Mme [[PER:Camille Roux]] a été admise à l'[[ORG:Hôpital Saint-Louis]] ([[LOC:Paris]]) puis transférée au [[ORG:CHU de Bordeaux]]."),
    ("legal", "La société [[ORG:Moreau Vidal Associés SARL]], sise [[LOC:18 rue des Tanneurs, 69002 Lyon]], est représentée par M. [[PER:Julien Moreau]], gérant."),
    ("banking", "Compte ouvert au [[ORG:Crédit Agricole]], agence de [[LOC:Rennes]], au nom de [[PER:Yannick Le Goff]]."),
    ("tax", "Un courrier de la [[ORG:Direction générale des Finances publiques]] ([[ORG:DGFiP]]) réclame à [[PER:Nadia Cherif]] un justificatif de domicile."),
    ("ngo", "[[ORG:Médecins Sans Frontières]] recrute un logisticien ; contact : [[PER:Inès Benali]]."),
    ("statement", "RELEVÉ DE COMPTE — [[ORG:BNP PARIBAS]]\nTitulaire : M. [[PER:LAURENT GIRARD]]\nAdresse : [[LOC:4 RUE CRÉBILLON, 44000 NANTES]]"),
    ("education", "[[PER:Hugo Lefèvre]] prépare un master à l'[[ORG:Université de Strasbourg]] et fait son alternance chez [[ORG:Saint-Gobain]]."),
    ("pharmacy", "Ordonnance délivrée par la [[ORG:Pharmacie du Centre]], [[LOC:place Bellecour, Lyon]], le 3 mars."),
    ("email", "De : [[PER:Claire Fontaine]]\nObjet : résiliation\n\nBonjour, je quitte la [[ORG:MAIF]] pour [[ORG:AXA France]] au 1er mai. Merci de m'envoyer mon relevé d'information.\nCordialement,\n[[PER:Claire Fontaine]]"),
    ("hr", "[[ORG:Atelier Lumière SAS]] embauche [[PER:Sofiane Haddad]] comme chef d'équipe à [[LOC:Villeurbanne]]."),
    ("table", "| Nom | Employeur | Ville |\n|---|---|---|\n| [[PER:Agathe Morel]] | [[ORG:Air Liquide]] | [[LOC:Grenoble]] |\n| [[PER:Bastien Caron]] | [[ORG:Caisse d'Épargne Normandie]] | [[LOC:Rouen]] |"),
    # negatives
    ("neg-clinical", "Maladie de Parkinson, syndrome de Gougerot-Sjögren et maladie de Crohn : prise en charge à 100 %."),
    ("neg-form", "Champs obligatoires : date de naissance, numéro de sécurité sociale, RIB, employeur, intitulé du poste."),
    ("neg-generic", "Il a passé le Kärcher sur la terrasse, puis a fermé le carton avec du Scotch."),
    ("neg-jobs", "Postes ouverts : directeur financier, chef de projet, responsable des ressources humaines (Île-de-France)."),
    ("neg-persons", "[[PER:Marie-Claire Dubois]] et [[PER:Théo Martin]] partent en Bretagne samedi."),
]

T["fr-CA"] = [
    ("hr", "[[PER:Émilie Gagnon]] travaille chez [[ORG:Hydro-Québec]] à [[LOC:Montréal]] depuis 2015."),
]

T["fr-BE"] = [
    ("invoice", "Facture de la [[ORG:Boulangerie Dupont & Fils SPRL]] ([[LOC:Namur]]) adressée à la [[ORG:Brasserie Verhaegen SA]]."),
]

# --------------------------------------------------------------------------------------------- Spanish
T["es"] = [
    ("hr", "[[PER:Lucía Fernández]] trabaja en [[ORG:Construcciones Iberia S.L.]] desde 2018, en la sede de [[LOC:Zaragoza]]."),
    ("clinical", "Ingresado en el [[ORG:Hospital Universitario La Paz]] ([[LOC:Madrid]]); médica responsable: Dra. [[PER:Elena Martín]]."),
    ("banking", "Cuenta en el [[ORG:Banco Santander]], oficina de [[LOC:Sevilla]]; titular: [[PER:José Manuel Ruiz]]."),
    ("tax", "La [[ORG:Agencia Tributaria]] ha requerido a [[ORG:Distribuciones Gómez e Hijos, S.A.]] la documentación del ejercicio."),
    ("ngo", "[[PER:Marta Gil]] es voluntaria de [[ORG:Cruz Roja Española]] y estudia en la [[ORG:Universidad Complutense de Madrid]]."),
    ("legal", "Demandante: [[PER:Carmen Ortega]] y [[ORG:Ortega Asesores S.L.U.]]\nDemandada: [[ORG:Aseguradora Levante, S.A.]]"),
    ("caps", "REMITENTE: [[ORG:TRANSPORTES HERMANOS PRIETO, S.A.]]\nDESTINATARIO: [[PER:FRANCISCO JAVIER LÓPEZ]]\nDIRECCIÓN: [[LOC:CALLE MAYOR 22, 28013 MADRID]]"),
    ("chat", "[[PER:Pablo]]: me ha llamado [[ORG:Telefónica]] para una entrevista\n[[PER:Irene]]: ¡qué bien! yo sigo en [[ORG:Inditex]]"),
    ("signature", "Un saludo,\n[[PER:Jordi Puig i Serra]]\nDirector financiero\n[[ORG:Puig Serra Advocats, S.L.P.]]\n[[LOC:Passeig de Gràcia 55, 08007 Barcelona]]"),
    # negatives
    ("neg-clinical", "Diagnóstico: enfermedad de Parkinson; antecedentes familiares de síndrome de Down y de enfermedad de Huntington."),
    ("neg-form", "Campos: DNI o NIE, fecha de nacimiento, número de afiliación, empresa, puesto."),
    ("neg-jobs", "Puestos: director comercial, jefa de obra y auxiliar administrativo, con destino en Andalucía."),
    ("neg-tools", "Pásame el Excel y lo subimos a Google Drive; luego lo comentamos por WhatsApp."),
    ("neg-persons", "[[PER:Pilar Navarro]] llamó a [[PER:Iñaki Etxeberria]] para felicitarle."),
]

T["es-MX"] = [
    ("gov", "El [[ORG:Instituto Mexicano del Seguro Social]] ([[ORG:IMSS]]) dio de alta a [[PER:Alejandra Torres]] en [[LOC:Guadalajara]]."),
    ("pharmacy", "Compré el ibuprofeno en [[ORG:Farmacias del Ahorro]], sucursal [[LOC:Coyoacán]], y se lo di a [[PER:Rodrigo Salinas]]."),
]

T["es-CO"] = [
    ("education", "[[PER:Diego Herrera]] se doctoró en la [[ORG:Universidad de los Andes]] y ahora trabaja en [[ORG:Bancolombia]] en [[LOC:Medellín]]."),
]

# --------------------------------------------------------------------------------------------- Italian
T["it"] = [
    ("clinical", "Il paziente è stato ricoverato presso l'[[ORG:Ospedale San Raffaele]]; residente a [[LOC:Segrate]], medico curante dott. [[PER:Paolo Greco]]."),
    ("tax", "[[ORG:Agenzia delle Entrate]] ha notificato a [[PER:Marco Bianchi]] un avviso di accertamento."),
    ("invoice", "Fattura n. 112/2024 emessa da [[ORG:Ferri & Bassi S.r.l.]], [[LOC:Via Roma 21, 40121 Bologna]], a favore di [[ORG:Rossi Gino & Figli S.n.c.]]"),
    ("hr", "[[PER:Giulia Conti]] lavora in [[ORG:Intesa Sanpaolo S.p.A.]] a [[LOC:Torino]] dal 2016."),
    ("legal", "Lo [[ORG:Studio Legale Bassi Ferri]] assiste la [[ORG:Cantina Colli Euganei S.c.a.r.l.]] nella causa contro [[PER:Sergio Marchetti]]."),
    ("education", "[[PER:Chiara Lombardi]] si è laureata all'[[ORG:Università degli Studi di Padova]] e ha un dottorato al [[ORG:Politecnico di Milano]]."),
    ("ngo", "La [[ORG:Lega del Filo d'Oro]] ringrazia [[PER:Anna Esposito]] per la donazione."),
    ("pharmacy", "Ritirare il farmaco alla [[ORG:Farmacia San Marco]], [[LOC:Via Garibaldi 8, Venezia]]."),
    ("json", '{"cliente": "[[PER:Davide Ricci]]", "banca": "[[ORG:Banca Monte dei Paschi di Siena]]", "filiale": "[[LOC:Arezzo]]"}'),
    ("chat", "[[PER:Sara]]: domani colloquio da [[ORG:Ferrero]] ad [[LOC:Alba]]!\n[[PER:Matteo]]: in bocca al lupo"),
    ("caps", "MITTENTE: [[ORG:TRASPORTI ESPOSITO & C. S.A.S.]]\nINDIRIZZO: [[LOC:VIA NAZIONALE 140, 80143 NAPOLI]]\nREFERENTE: [[PER:GENNARO ESPOSITO]]"),
    # negatives
    ("neg-clinical", "Morbo di Crohn in remissione; familiarità per malattia di Alzheimer."),
    ("neg-form", "Campi obbligatori: codice fiscale, data di nascita, IBAN, datore di lavoro, qualifica."),
    ("neg-jobs", "Cercasi responsabile amministrativo, capo cantiere e impiegata contabile in Lombardia."),
    ("neg-generic", "Passami lo Scotch e una Bic, e metti lo Scottex sul tavolo."),
    ("neg-persons", "[[PER:Francesca Gallo]] e [[PER:Luca Moretti]] si sposano a settembre."),
]

# --------------------------------------------------------------------------------------------- Portuguese
T["pt-BR"] = [
    ("banking", "[[PER:Ana Paula Souza]] abriu conta no [[ORG:Banco do Brasil]], agência [[LOC:Pinheiros]], em [[LOC:São Paulo]]."),
    ("invoice", "Nota fiscal emitida por [[ORG:Souza & Lima Comércio de Alimentos Ltda.]] para [[ORG:Drogaria São Paulo]]"),
    ("tax", "A [[ORG:Receita Federal]] notificou [[PER:Carlos Eduardo Lima]] sobre divergências na declaração."),
    ("clinical", "Paciente internada no [[ORG:Hospital Israelita Albert Einstein]], no bairro do [[LOC:Morumbi]]."),
    ("education", "[[PER:Beatriz Almeida]] é professora da [[ORG:Universidade de São Paulo]] ([[ORG:USP]]) e consultora da [[ORG:Embraer S.A.]]"),
    ("chat", "[[PER:Lucas]]: consegui a vaga no [[ORG:Itaú Unibanco]]\n[[PER:Fernanda]]: parabéns!! vai ser na [[LOC:Avenida Paulista]]?"),
    ("ngo", "[[ORG:Médicos Sem Fronteiras]] contratou [[PER:Rafael Moreira]] como enfermeiro."),
    # negatives
    ("neg-clinical", "Doença de Chagas crônica; suspeita de mal de Parkinson."),
    ("neg-form", "Campos: CPF, RG, data de nascimento, PIS/PASEP, cargo."),
    ("neg-jobs", "Vagas: gerente comercial, analista de RH, auxiliar administrativo (Minas Gerais)."),
    ("neg-generic", "Tirei um xerox do documento, passei Bombril na panela e comprei uma gilete."),
]

T["pt-PT"] = [
    ("banking", "Conta na [[ORG:Caixa Geral de Depósitos]], balcão de [[LOC:Braga]], titular [[PER:Rui Manuel Costa]]."),
    ("invoice", "Orçamento da [[ORG:Construções Ferreira & Filhos, Lda.]] para a moradia na [[LOC:Rua do Almada 210, 4050-032 Porto]]"),
    ("tax", "A [[ORG:Autoridade Tributária e Aduaneira]] enviou um aviso a [[PER:Inês Carvalho]]."),
    ("clinical", "Transferida do [[ORG:Hospital de Santa Maria]] para o [[ORG:Hospital da Luz]], em [[LOC:Lisboa]]."),
    ("education", "[[PER:Tiago Santos]] estudou na [[ORG:Universidade de Coimbra]] e trabalha na [[ORG:EDP Comercial]]."),
    # negatives
    ("neg-persons", "[[PER:João Pedro Martins]] e [[PER:Sofia Ribeiro]] mudaram-se para os Açores."),
]

# --------------------------------------------------------------------------------------------- Dutch
T["nl"] = [
    ("hr", "[[PER:Sanne de Vries]] werkt sinds maart bij [[ORG:van der Berg Logistiek B.V.]] in [[LOC:Tilburg]]."),
    ("clinical", "Opgenomen in het [[ORG:Erasmus MC]] te [[LOC:Rotterdam]]; huisarts: dr. [[PER:Koen Mulder]]."),
    ("banking", "Rekening bij de [[ORG:Rabobank]], [[LOC:Utrecht]], op naam van [[PER:Pieter Jansen]]."),
    ("tax", "De [[ORG:Belastingdienst]] heeft [[PER:Fatima El Amrani]] een voorlopige aanslag gestuurd."),
    ("letter", "[[ORG:Advocatenkantoor Dekker & Smit]]\n[[LOC:Keizersgracht 112, 1015 CV Amsterdam]]\n\nGeachte heer [[PER:Visser]],\n\nNamens onze cliënte, [[ORG:Bloemenhandel Verbeek V.O.F.]], stellen wij u aansprakelijk voor de schade."),
    ("education", "[[PER:Daan Smits]] studeerde aan de [[ORG:Universiteit van Amsterdam]] en promoveerde aan de [[ORG:Rijksuniversiteit Groningen]]."),
    ("complaint", "Klant [[PER:Eva Bos]] dient een klacht in tegen [[ORG:ABN AMRO Bank N.V.]]"),
    ("pharmacy", "Herhaalrecept ophalen bij [[ORG:Apotheek De Linde]], [[LOC:Lindenlaan 4, Zwolle]]."),
    ("chat", "[[PER:Bram]]: ik begin maandag bij [[ORG:ASML]] 🙌\n[[PER:Noor]]: in [[LOC:Veldhoven]]? dat is ver"),
    ("csv", "naam;werkgever;plaats\n[[PER:Lotte Hendriks]];[[ORG:Gemeente Eindhoven]];[[LOC:Eindhoven]]\n[[PER:Ruben Kok]];[[ORG:Philips]];[[LOC:Best]]"),
    # negatives
    ("neg-clinical", "Geen ziekte van Lyme; wel ziekte van Crohn en syndroom van Asperger."),
    ("neg-form", "Velden: BSN, geboortedatum, IBAN, werkgever, functie."),
    ("neg-jobs", "Vacatures: financieel directeur, teamleider inkoop en medewerker klantenservice in Noord-Brabant."),
    ("neg-tools", "Zet het in Excel, deel het via Slack en plan de demo in Zoom."),
    ("neg-persons", "[[PER:Joost Bakker]] en [[PER:Fleur van Dijk]] hebben de notulen goedgekeurd."),
]

T["nl-BE"] = [
    ("trade", "[[ORG:Vandenbroucke & Zonen NV]] uit [[LOC:Kortrijk]] levert steriele materialen aan [[ORG:UZ Leuven]]."),
]

# --------------------------------------------------------------------------------------------- Scandinavian
T["da"] = [
    ("clinical", "[[PER:Mette Kristensen]] blev indlagt på [[ORG:Aalborg Universitetshospital]] og senere overført til [[ORG:Rigshospitalet]]."),
    ("invoice", "Faktura fra [[ORG:Nordisk Rør & VVS ApS]], [[LOC:Vestergade 14, 8000 Aarhus C]], til [[PER:Lars Jensen]]."),
    ("banking", "[[PER:Anders Holm]] har lån i [[ORG:Danske Bank A/S]] og er ansat ved [[ORG:Københavns Universitet]]."),
    ("tax", "[[ORG:Skattestyrelsen]] har sendt en årsopgørelse til [[PER:Camilla Nørgaard]] i [[LOC:Odense]]."),
    ("ngo", "Indsamler: [[PER:Bo Søndergaard]]\nOrganisation: [[ORG:Dansk Røde Kors]]\nBy: [[LOC:Esbjerg]]"),
    # negatives
    ("neg-form", "Felter: CPR-nr., fødselsdato, arbejdsgiver, stillingsbetegnelse."),
    ("neg-persons", "[[PER:Søren Mikkelsen]] og [[PER:Freja Holm]] holder ferie i Norge."),
]

T["nb"] = [
    ("hr", "[[PER:Kari Haugen]] jobber i [[ORG:Equinor ASA]] i [[LOC:Stavanger]]."),
    ("clinical", "Pasienten ble overført fra [[ORG:Oslo universitetssykehus]] til [[ORG:Haukeland universitetssjukehus]]."),
    ("letter", "[[ORG:Fjordkraft Elektro AS]]\n[[LOC:Strandgaten 18, 5013 Bergen]]\n\nTil [[PER:Ingrid Solberg]]\nVi viser til avtalen med [[ORG:DNB Bank ASA]] om nedbetaling."),
    ("tax", "[[ORG:Skatteetaten]] ba [[PER:Ole Martin Bakke]] om dokumentasjon fra [[ORG:Universitetet i Bergen]]."),
    # negatives
    ("neg-clinical", "Diagnose: Parkinsons sykdom og Bechterews sykdom."),
]

T["sv"] = [
    ("tax", "[[ORG:Skatteverket]] har skickat ett beslut till [[PER:Erik Johansson]] i [[LOC:Göteborg]]."),
    ("clinical", "Patienten remitterades till [[ORG:Karolinska Universitetssjukhuset]] i [[LOC:Solna]]."),
    ("legal", "Ombud: advokat [[PER:Johanna Lindqvist]], [[ORG:Lindqvist & Berg Advokatbyrå AB]]"),
    ("banking", "Lönen betalas till [[ORG:Svenska Handelsbanken AB]]; arbetsgivare är [[ORG:Uppsala universitet]]."),
    ("pharmacy", "Hämta ut receptet på [[ORG:Apoteket Hjärtat]] på [[LOC:Drottninggatan]]."),
    ("signature", "Med vänliga hälsningar\n[[PER:Nils Åberg]]\nInköpschef, [[ORG:Bergström Bygg & Fastighet AB]]\n[[LOC:Storgatan 7, 852 30 Sundsvall]]"),
    # negatives
    ("neg-jobs", "Lediga tjänster: ekonomichef, inköpsansvarig och HR-partner."),
    ("neg-tools", "Vi kör allt i Kubernetes och följer upp i Jira och Confluence."),
]

# --------------------------------------------------------------------------------------------- Finnish
T["fi"] = [
    ("hr", "[[PER:Matti Virtanen]] on töissä [[ORG:Nokia Oyj]]:ssä [[LOC:Espoossa]]."),
    ("grant", "Apurahan saaja: [[PER:Aino Lehtonen]]\nMyöntäjä: [[ORG:Helsingin yliopisto]]\nSumma: 24 000 €"),
    ("tax", "[[ORG:Verohallinto]] lähetti veropäätöksen, ja [[PER:Juha Korhonen]] valitti siitä."),
    ("invoice", "Lasku: [[ORG:Rakennus Mäkinen Oy]], [[LOC:Hämeenkatu 10, 33100 Tampere]]\nAsiakas: [[PER:Tuula Salminen]]"),
    ("form", "Tili: [[ORG:Nordea Bank Oyj]]\nTyönantaja: [[ORG:Kesko Oyj]]\nKotikunta: [[LOC:Vantaa]]"),
    ("clinical", "Lähettävä yksikkö: [[ORG:HUS]]\nVastaanottava sairaala: [[ORG:Tampereen yliopistollinen sairaala]]\nPotilas: [[PER:Eero Nieminen]]"),
    ("legal", "Asianajotoimisto: [[ORG:Lahtinen & Heikkinen Ky]], yhteyshenkilö [[PER:Sanna Lahtinen]]."),
    ("ngo", "Lahjoittaja: [[PER:Pekka Rantanen]], vastaanottaja: [[ORG:Suomen Punainen Risti]]"),
    ("benefit", "[[ORG:Kela]] maksaa asumistukea; hakija [[PER:Minna Koskinen]], osoite [[LOC:Kauppakatu 3 B 12, 40100 Jyväskylä]]."),
    ("chat", "[[PER:Ville]]: uusi duuni: [[ORG:Supercell]], [[LOC:Helsinki]]\n[[PER:Laura]]: onnea!!"),
    # negatives
    ("neg-form", "Kentät: henkilötunnus, syntymäaika, työnantaja, ammattinimike."),
    ("neg-clinical", "Diagnoosi: Parkinsonin tauti; suvussa Alzheimerin tautia."),
    ("neg-jobs", "Avoimet tehtävät: talousjohtaja, hankintapäällikkö, asiakaspalvelija."),
    ("neg-tools", "Käytämme raportointiin Exceliä ja viestintään Slackia."),
    ("neg-persons", "[[PER:Antti Mäkelä]] ja [[PER:Heidi Laine]] menevät naimisiin kesällä."),
]

# --------------------------------------------------------------------------------------------- Polish
T["pl"] = [
    ("education", "[[PER:Anna Nowak]] studiowała na [[ORG:Uniwersytecie Jagiellońskim]] w [[LOC:Krakowie]]."),
    ("cert", "[[ORG:Uniwersytet Jagielloński]] zaświadcza, że [[PER:Tomasz Zieliński]] jest doktorantem."),
    ("legal", "Pełnomocnik: [[PER:Marta Kowalczyk]], [[ORG:Kancelaria Nowak Wiśniewski i Wspólnicy sp.k.]]"),
    ("invoice", "Sprzedawca: [[ORG:Transbud sp. z o.o.]], [[LOC:ul. Długa 15, 80-827 Gdańsk]]\nNabywca: [[ORG:Pomorskie Mosty S.A.]]"),
    ("banking", "Przelew z konta w [[ORG:PKO BP]] na rachunek w [[ORG:ING Bank Śląski S.A.]], odbiorca: [[PER:Jan Kowalski]]."),
    ("gov", "[[ORG:Zakład Ubezpieczeń Społecznych]] ([[ORG:ZUS]]) wezwał [[PER:Ewę Lewandowską]] do uzupełnienia dokumentów."),
    ("clinical", "Szpital: [[ORG:Szpital Specjalistyczny im. Ludwika Rydygiera]]\nMiasto: [[LOC:Kraków]]\nLekarz prowadzący: lek. [[PER:Piotr Mazur]]"),
    ("ngo", "Darczyńca: [[PER:Agnieszka Wróbel]]; organizacja: [[ORG:Polska Akcja Humanitarna]]"),
    ("pharmacy", "Lek można odebrać w [[ORG:Aptece Pod Orłem]] przy [[LOC:ul. Mickiewicza 5]] w [[LOC:Poznaniu]]."),
    ("chat", "[[PER:Kasia]]: dostałam pracę w [[ORG:Allegro]]!\n[[PER:Bartek]]: w [[LOC:Poznaniu]] czy w [[LOC:Warszawie]]?"),
    ("hr", "Pracodawca: [[ORG:Kowalski i Syn sp.j.]]\nPracownik: [[PER:Michał Dąbrowski]]\nMiejsce pracy: [[LOC:Łódź]]"),
    # negatives
    ("neg-form", "Pola: PESEL, NIP, data urodzenia, stanowisko."),
    ("neg-clinical", "Rozpoznanie: choroba Hashimoto, podejrzenie choroby Leśniowskiego-Crohna."),
    ("neg-jobs", "Stanowiska: kierownik budowy, główna księgowa, specjalista ds. kadr."),
    ("neg-tools", "Tabelę zrobiłem w Excelu, a spotkanie jest na Teamsach."),
    ("neg-persons", "[[PER:Katarzyna Wójcik]] i [[PER:Paweł Szymański]] jadą do Chorwacji."),
]

# --------------------------------------------------------------------------------------------- Czech
T["cs"] = [
    ("hr", "[[PER:Petr Novák]] pracuje v [[ORG:Komerční bance]] v [[LOC:Brně]]."),
    ("invoice", "Dodavatel: [[ORG:Stavby Dvořák s.r.o.]], [[LOC:Vinohradská 25, 120 00 Praha 2]]\nOdběratel: [[ORG:Komerční banka, a.s.]]"),
    ("education", "Studentka: [[PER:Jana Svobodová]], [[ORG:Univerzita Karlova]]"),
    ("clinical", "Pacient byl přeložen do [[ORG:Fakultní nemocnice v Motole]]; ošetřující lékař MUDr. [[PER:Karel Beneš]]."),
    ("gov", "[[ORG:Česká správa sociálního zabezpečení]] ([[ORG:ČSSZ]]) zaslala rozhodnutí panu [[PER:Martinu Procházkovi]]."),
    ("ngo", "Organizace [[ORG:Člověk v tísni]] hledá koordinátora; kontakt: [[PER:Lucie Černá]]."),
    ("banking", "Účet: [[ORG:ČSOB]], pobočka [[LOC:Olomouc]]\nMajitel: [[PER:Tomáš Veselý]]"),
    ("pharmacy", "Recept vyzvednete v [[ORG:Lékárně U Zlatého lva]], [[LOC:náměstí Republiky 4, Plzeň]]."),
    ("tax", "Přiznání za rok 2023 podala [[PER:Hana Marešová]] na [[ORG:Finanční úřad pro Jihomoravský kraj]]."),
    ("chat", "[[PER:Honza]]: od září jdu do [[ORG:Škoda Auto]]\n[[PER:Petra]]: do [[LOC:Mladé Boleslavi]]? to budeš dojíždět"),
    # negatives
    ("neg-form", "Pole: rodné číslo, datum narození, zaměstnavatel, pracovní pozice."),
    ("neg-clinical", "Parkinsonova choroba, v rodině Alzheimerova choroba."),
    ("neg-jobs", "Hledáme: účetní, vedoucí skladu, obchodního zástupce pro Jihomoravský kraj."),
    ("neg-tools", "Data jsou v Excelu a úkoly v Jiře."),
    ("neg-persons", "[[PER:Eva Dvořáková]] a [[PER:Jakub Král]] jedou na Slovensko."),
]

# --------------------------------------------------------------------------------------------- Turkish
T["tr"] = [
    ("hr", "[[PER:Ayşe Yılmaz]], [[ORG:Koç Holding]]'de finans müdürü olarak çalışıyor."),
    ("banking", "Ödeme [[ORG:Türkiye İş Bankası A.Ş.]] [[LOC:Kadıköy]] şubesine yapılacak; alıcı [[PER:Hakan Çelik]]."),
    ("invoice", "Satıcı: [[ORG:Demirtaş Lojistik Ltd. Şti.]]\nAlıcı: [[ORG:Yıldız Tekstil Sanayi ve Ticaret A.Ş.]]\nAdres: [[LOC:Bağdat Caddesi No: 145, Kadıköy, İstanbul]]"),
    ("education", "[[PER:Mehmet Kaya]], [[ORG:Hacettepe Üniversitesi]]'nden mezun oldu ve [[LOC:Ankara]]'da çalışıyor."),
    ("clinical", "Hasta [[ORG:Acıbadem Maslak Hastanesi]]'ne sevk edildi; doktoru Dr. [[PER:Elif Şahin]]."),
    ("tax", "[[ORG:Gelir İdaresi Başkanlığı]], [[PER:Burak Öztürk]] adına bir tebligat gönderdi."),
    ("sgk", "[[ORG:Sosyal Güvenlik Kurumu]] ([[ORG:SGK]]) kayıtlarına göre işveren: [[ORG:Aydın Gıda San. ve Tic. Ltd. Şti.]]"),
    ("ngo", "[[ORG:Türk Kızılay]] gönüllüsü [[PER:Zeynep Arslan]] [[LOC:İzmir]]'de görev yapıyor."),
    ("pharmacy", "İlacı [[LOC:Atatürk Caddesi]] üzerindeki [[ORG:Şifa Eczanesi]]'nden aldım."),
    ("chat", "[[PER:Emre]]: [[ORG:Turkcell]]'den teklif geldi\n[[PER:Selin]]: [[ORG:Aselsan]]'ı reddettin mi?"),
    # negatives
    ("neg-form", "Alanlar: T.C. Kimlik No, doğum tarihi, IMEI, işveren."),
    ("neg-clinical", "Tanı: Parkinson hastalığı; ailede Behçet hastalığı öyküsü var."),
    ("neg-jobs", "Açık pozisyonlar: genel müdür, satın alma uzmanı, muhasebe sorumlusu."),
    ("neg-tools", "Raporu Excel'de hazırladım, Slack'ten paylaştım."),
    ("neg-persons", "[[PER:Can Demir]] ve [[PER:Deniz Aksoy]] hafta sonu Yunanistan'a gidiyor."),
]

# --------------------------------------------------------------------------------------------- Japanese
T["ja"] = [
    ("invoice", "[[ORG:株式会社サクラ物流]]の[[PER:田中一郎]]様より、納品書が届きました。"),
    ("hr", "[[PER:佐藤花子]]さんは[[ORG:京都大学]]を卒業後、[[ORG:トヨタ自動車株式会社]]に入社しました。"),
    ("form", "住所：[[LOC:東京都千代田区丸の内2-7-3]]\n勤務先：[[ORG:山田商事株式会社]]\n氏名：[[PER:中村誠]]"),
    ("tax", "[[ORG:国税庁]]から[[PER:鈴木健太]]さん宛てに通知が届いた。"),
    ("clinical", "[[PER:小林優子]]さんは[[ORG:東京大学医学部附属病院]]に入院中です。"),
    ("banking", "振込先：[[ORG:みずほ銀行]][[LOC:渋谷]]支店　普通 1234567　名義 [[PER:ヤマモト サトシ]]"),
    ("romaji", "[[PER:Watanabe]]-san wa [[ORG:Hitachi Seisakusho]] ni tsutomete imasu. Jitaku wa [[LOC:Kawasaki]] desu."),
    ("pension", "[[ORG:日本年金機構]]から[[PER:森田浩]]様へ「ねんきん定期便」が届きました。"),
    ("pharmacy", "処方箋は[[ORG:さくら薬局]][[LOC:新宿]]店でお受け取りください。"),
    ("ngo", "[[ORG:日本赤十字社]]に[[PER:高田]]様から寄付がありました。"),
    ("chat", "[[PER:ゆうこ]]：来月から[[ORG:ソニーグループ]]で働くことになった！\n[[PER:けんた]]：おめでとう！[[LOC:品川]]？"),
    ("signature", "Contact: [[PER:Kenji Watanabe]], [[ORG:Mitsubishi UFJ Trust and Banking Corporation]], [[LOC:3-9-14 Nishi-Shinjuku, Shinjuku-ku, Tokyo]]"),
    ("romaji", "[[PER:Sato Yui]] wa [[ORG:Keio Gijuku Daigaku]] no gakusei desu."),
    # negatives
    ("neg-clinical", "パーキンソン病とクローン病の既往あり。"),
    ("neg-form", "項目：マイナンバー、生年月日、勤務先、役職"),
    ("neg-jobs", "募集職種：営業部長、経理担当、代表取締役補佐"),
    ("neg-tools", "エクセルで集計してスラックで共有し、ホッチキスで留めてください。"),
    ("neg-persons", "[[PER:高橋美咲]]さんと[[PER:伊藤翔]]さんは北海道へ旅行に行きます。"),
]


def parse(template):
    """Strip [[LAB:value]] markers; return (text, spans, values)."""
    out, spans, vals, pos = [], [], [], 0
    n = 0
    for m in MARK.finditer(template):
        out.append(template[pos:m.start()])
        n += len(template[pos:m.start()])
        lab, val = m.group(1), m.group(2)
        spans.append({"start": n, "end": n + len(val), "label": LABELS[lab]})
        vals.append(val)
        out.append(val)
        n += len(val)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans, vals


# Checks of the written conventions (cheap guards against slips while hand-writing).
LEADING_ARTICLE = re.compile(r"^(the|The|l'|la|le|lo|il|el|der|die|das|het|de) ")
TITLE = re.compile(r"^(Mr|Ms|Mrs|Dr|Dr\.|Dra\.|dott\.|Herr|Frau|Mme|MUDr\.|lek\.) ")


def check(rows):
    errors = []
    seen = set()
    for r in rows:
        t = r["text"]
        if r["id"] in seen:
            errors.append(f"{r['id']}: duplicate id")
        seen.add(r["id"])
        if "[[" in t or "]]" in t:
            errors.append(f"{r['id']}: leftover marker")
        prev_end = -1
        for sp, val in zip(r["spans"], r["_vals"]):
            s, e, lab = sp["start"], sp["end"], sp["label"]
            seg = t[s:e]
            if seg != val:
                errors.append(f"{r['id']}: span text {seg!r} != {val!r}")
            if not seg or seg != seg.strip():
                errors.append(f"{r['id']}: span {seg!r} empty or has outer whitespace")
            if s < prev_end:
                errors.append(f"{r['id']}: overlapping spans at {s}")
            prev_end = e
            if lab not in SCOPE:
                errors.append(f"{r['id']}: bad label {lab}")
            if lab == "ORGANIZATION":
                if LEADING_ARTICLE.match(seg):
                    errors.append(f"{r['id']}: ORG with leading article {seg!r}")
                # convention 2: the dot of a dotted legal form belongs to the span
                if e < len(t) and t[e] == "." and seg.endswith(("Inc", "Ltd", "Corp", "Co", "Lda", "Ltda", "Şti")):
                    errors.append(f"{r['id']}: dotted legal form cut before its dot {seg!r}")
                # convention 5: possessive / apostrophe suffix outside
                if seg.endswith(("'s", "'")) and not seg.endswith("Thomas'"):
                    errors.append(f"{r['id']}: possessive inside ORG {seg!r}")
            if lab == "PERSON" and TITLE.match(seg):
                errors.append(f"{r['id']}: title inside PERSON {seg!r}")
        pol = r["meta"]["polarity"]
        if (pol == "neg") != r["meta"]["kind"].startswith("neg-"):
            errors.append(f"{r['id']}: polarity {pol} does not match kind {r['meta']['kind']}")
        if r["label_scope"] != SCOPE:
            errors.append(f"{r['id']}: bad label_scope")
    return errors


def main():
    rows = []
    for lang, items in T.items():
        for kind, tpl in items:
            text, spans, vals = parse(tpl)
            pol = "pos" if any(s["label"] == "ORGANIZATION" for s in spans) else "neg"
            rows.append({"text": text, "spans": spans, "label_scope": SCOPE,
                         "meta": {"kind": kind, "lang": lang, "polarity": pol}, "_vals": vals})
    random.Random(SEED).shuffle(rows)
    for i, r in enumerate(rows, 1):
        r["id"] = f"c14-{i:04d}"

    errors = check(rows)
    # texts must be unique
    dup = [t for t, c in collections.Counter(r["text"] for r in rows).items() if c > 1]
    errors += [f"duplicate text: {t[:60]!r}" for t in dup]
    if errors:
        for e in errors:
            print("SELF-CHECK FAIL:", e)
        raise SystemExit(1)

    with open(OUT, "w", encoding="utf-8") as fh:
        for r in rows:
            obj = {"id": r["id"], "text": r["text"], "spans": r["spans"], "label_scope": r["label_scope"],
                   "meta": r["meta"]}
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")

    # re-read and re-verify what was written
    with open(OUT, encoding="utf-8") as fh:
        back = [json.loads(line) for line in fh]
    assert len(back) == len(rows)
    for b, r in zip(back, rows):
        assert b["text"] == r["text"]
        for sp, val in zip(b["spans"], r["_vals"]):
            assert b["text"][sp["start"]:sp["end"]] == val

    lab_c = collections.Counter(s["label"] for r in rows for s in r["spans"])
    lang_c = collections.Counter(r["meta"]["lang"] for r in rows)
    pol_c = collections.Counter(r["meta"]["polarity"] for r in rows)
    print(f"wrote {len(rows)} rows to {OUT}")
    print("spans per label:", dict(sorted(lab_c.items())), "total", sum(lab_c.values()))
    print("rows per lang:", dict(sorted(lang_c.items())))
    print("rows per polarity:", dict(pol_c), f"neg share {pol_c['neg'] / len(rows):.1%}")
    print("self-check passed")


if __name__ == "__main__":
    main()

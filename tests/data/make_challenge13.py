#!/usr/bin/env python3
"""Generate challenge13.jsonl: a small blind evaluation set for the NRP label only.

Rows: {"id": "c13-NNNN", "text", "spans": [{"start", "end", "label": "NRP"}], "label_scope": ["NRP"],
"meta": {"kind", "lang", "polarity"}}; offsets are Python str (code point) indices, end exclusive.

NRP (shared/eval/TAXONOMY.md): a person's nationality, ethnicity, religion or political affiliation
stated about that person. Only the NRP word/phrase is the span. Hard negatives (never labelled): NRP
words about food, languages, companies, products, buildings/institutions, events, places, laws, sports
teams, history, population statistics, and person names that happen to be NRP words (Christian, French,
Němec, Greco, Alemán ...). Genuinely ambiguous cases were left out.

Templates are hand-written, one per row; gold values are marked [[like this]] and the markers are stripped
while recording offsets. Standard library only; fixed seed (row order); deterministic output.
Written blind: the detector's sources and earlier challenge files were not read.
"""
import collections
import json
import os
import random
import re

SEED = 13
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "challenge13.jsonl")
MARK = re.compile(r"\[\[(.+?)\]\]")

# lang -> [(kind, template)]
T = collections.OrderedDict()

T["en"] = [
    # ---- positives ----
    ("discharge", "DISCHARGE SUMMARY. Patient is a 54-year-old [[Hispanic]] woman admitted with community-acquired pneumonia. She is a practising [[Jehovah's Witness]] and declined blood products after discussion with the ethics team. Her daughter interpreted from Spanish during ward rounds. Follow-up at the Catholic Health clinic on Elm Street in two weeks."),
    ("discharge", "Discharge note: 67-year-old [[Somali]] man, [[Sunni Muslim]], with poorly controlled type 2 diabetes. Ramadan fasting was discussed and his insulin regimen adjusted. Halal meals were ordered from the hospital's Mediterranean kitchen. GP to review HbA1c in three months."),
    ("discharge", "Brief hospital course: 31-year-old [[Ashkenazi Jewish]] woman referred for BRCA counselling after her mother's breast cancer diagnosis. Genetic testing was sent. She keeps kosher, so the dietitian arranged sealed meals from the Jewish Care kitchen. Discharged the same day."),
    ("discharge", "Operative note addendum: the patient, a 59-year-old [[Punjabi]] [[Sikh]] man, asked that his turban and kara not be removed; theatre staff agreed. Recovery was uneventful. His wife, who is [[Canadian]], will drive him home. Outpatient review at the Royal Victoria in six weeks."),
    ("discharge", "HPI: 72-year-old [[Vietnamese]] man, a devout [[Buddhist]], admitted with an upper GI bleed. The family requested a visit from a monk and chaplaincy arranged this. He speaks Vietnamese and some French. Discharged on a proton pump inhibitor."),
    ("asylum", "CASE FILE 2023/0417. The applicant states that he is an [[Eritrean]] national of [[Tigrinya]] ethnicity and a member of a [[Pentecostal]] congregation. He fears arrest for attending house prayers. The interview was conducted in Tigrinya with an accredited interpreter."),
    ("asylum", "Claimant profile: [[Hazara]], [[Shia]], [[Afghan]] citizen, born in Ghazni province. She reports that her brother-in-law, a [[Pashtun]] former police officer, threatened the family in 2021. Country guidance on Afghanistan was applied. Next hearing at the Taylor House tribunal centre."),
    ("asylum", "The applicant is a [[Rohingya]] [[Muslim]] from Rakhine State who holds no recognised nationality. He spent six years in the Kutupalong camp before travelling by boat to Aceh. He speaks Rohingya and basic Malay."),
    ("asylum", "Interview record: the appellant describes herself as [[Uyghur]] and a practising [[Muslim]]. She is a [[Chinese]] citizen and lived in Urumqi until 2017. She says the Turkish consulate in Shanghai refused her a visa. Her claim is supported by a report from the Uyghur Human Rights Project."),
    ("asylum", "Summary of claim: the applicant is an [[Egyptian]] [[Coptic Christian]] from Minya who reports that her church was set on fire in 2016. Her husband is [[Sudanese]] and remains in Khartoum. Supporting letters were provided by the Coptic Orthodox diocese in London."),
    ("hr_onboarding", "EMPLOYEE ONBOARDING - EQUALITY MONITORING\nName: Priya Raman\nStart date: 4 September\nNationality: [[British]]\nEthnic group: [[Indian]]\nReligion or belief: [[Hindu]]\nWork permit required: No\nPreferred language for letters: English"),
    ("hr_onboarding", "NEW STARTER FORM\nName: Tomasz Nowak\nCitizenship: [[Polish]]\nReligion (for holiday scheduling): [[Roman Catholic]]\nDepartment: Logistics\nCompany car: Skoda Octavia\nLanguages: Polish, English, German"),
    ("hr_onboarding", "Background check summary: the candidate, Oksana Melnyk, is a [[Ukrainian]] citizen holding temporary protection status. Her spouse is [[Moldovan]]. She previously worked for a German car parts supplier in Lviv. Right-to-work documents were verified on 12 May."),
    ("hr_onboarding", "New starter: Sven Lindqvist\nNationality: [[Swedish]]\nReligious observance requests: none\nOffice: Danish Design Centre building, 2nd floor\nLaptop: Japanese keyboard layout requested\nEmergency contact: Christian Lindqvist (brother)"),
    ("hr_onboarding", "Voluntary self-identification\nName: Dana Whitehorse\nIndigenous identity: [[First Nations]] ([[Cree]])\nCitizenship: [[Canadian]]\nDepartment: Parks liaison office\nLanguages: English, Cree"),
    ("tenancy", "TENANCY APPLICATION\nApplicant: Olumide Adeyemi\nNationality: [[Nigerian]]\nEthnicity: [[Yoruba]]\nRight to rent: BRP checked\nCurrent address: flat above the Turkish bakery, 14 Mill Lane\nReference: Pastor, Redeemed Christian Church of God, Peckham"),
    ("tenancy", "Reference letter: I have known Mr Emre Kaya for ten years. He is a [[Turkish]] national and a reliable tenant who always paid his rent on time. He runs the barbershop next to the Greek restaurant on Station Road. I recommend him without hesitation."),
    ("school_enrolment", "SCHOOL ENROLMENT FORM\nPupil: Amira Haddad\nYear group: 4\nNationality: [[Syrian]]\nReligion: [[Muslim]]\nDietary needs: halal, no pork\nHome language: Arabic\nPrevious school: St Joseph's Catholic Primary"),
    ("school_enrolment", "Pupil: Kofi Mensah\nCitizenship: [[Ghanaian]] / [[British]]\nReligion: [[Anglican]]\nEAL support: not needed\nSibling at: Bishop Ramsey Church of England School\nAfter-school club: French"),
    ("witness", "WITNESS STATEMENT. I was standing outside the Chinese takeaway on Bridge Road at about 11 pm. The man who was shouting told the shopkeeper that he was [[Albanian]] and had just arrived in town. The shopkeeper, who is [[Kurdish]], locked the door and called the police."),
    ("witness", "My neighbour, Mr Petrov, is [[Bulgarian]] and works nights at the Mercedes garage. He is a devout [[Orthodox Christian]] and goes to church every Sunday morning. On the night in question his car was parked in the mosque car park, as usual."),
    ("witness", "Statement of Ioana Stan: I am [[Romanian]] and of [[Roma]] ethnicity. On 3 June two men followed me from the market and shouted abuse at me. One of them wore an England football shirt."),
    ("witness", "Statement: I am a [[Wiradjuri]] man from Dubbo. On Friday night I was refused entry to the pub on Macquarie Street. The bouncer, who told me he was a [[New Zealander]], said the venue was full."),
    ("dating", "Hey! I'm Lena, 29, half [[Korean]] and half [[Italian]], raised in Leeds. I'm [[Jewish]], not very observant. Looking for someone who loves Thai food and Danish design as much as I do."),
    ("dating", "About me: [[Irish-American]] nurse, lapsed [[Catholic]], obsessed with Mexican food and French films. I volunteer at the Greek Orthodox soup kitchen on Saturdays. Swipe right if you can make a decent curry."),
    ("dating", "I'm [[Nigerian]], [[Igbo]] to be exact, 34, an accountant in Houston. Big fan of Italian cooking and Spanish guitar. My best friend Christian wrote this bio, so blame him."),
    ("obituary", "Margaret (Peggy) O'Connell, 88, died peacefully on 2 March. Born to [[Irish]] parents in Boston, she was a lifelong [[Democrat]] and a parishioner of St Brendan's. She taught Latin at the Catholic high school for 35 years. Donations may be made to the American Cancer Society."),
    ("obituary", "Rajesh Mehta, beloved father and a devout [[Jain]], passed away on 9 January at 81. He founded the Bombay Spice Company and served on the board of the Hindu temple in Edison. He left India in 1972 and became an [[American]] citizen in 1980."),
    ("obituary", "Eleni Papadopoulos, 79, of Tarpon Springs, a proud [[Greek American]], died on 14 August. A faithful member of St Nicholas Greek Orthodox Cathedral, she ran the Greek bakery on Dodecanese Boulevard for forty years. Her husband George, who was [[Cypriot]], predeceased her."),
    ("obituary", "Thomas 'Tam' Mackay, 70, of Inverness, died on 30 October. A long-time [[SNP]] activist and a lifelong [[Presbyterian]], he served as an elder at Crown Church. He loved Norwegian ferries and Italian ice cream."),
    ("politician", "Cllr Fatima Begum is the [[Labour]] councillor for Spring Hill ward. A [[British Bangladeshi]] and a practising [[Muslim]], she chairs the housing committee. Before entering politics she managed the Bengali community centre on Green Street."),
    ("politician", "State Senator Mark Huang, a [[Republican]], represents the 14th district. The [[Taiwanese American]] lawmaker, a [[Presbyterian]], sits on the committee that oversees the Chinese Heritage Museum grant. He previously worked for a Japanese carmaker."),
    ("politician", "Councillor Siobhan Kelly ([[Sinn Féin]]) was first elected in 2019. She is [[Irish]] but grew up in Manchester. She previously taught at a Gaelscoil and coaches the local camogie team."),
    ("politician", "Ana Lucía Torres, a [[Democrat]], was elected to the county board in 2022. The daughter of [[Mexican]] immigrants, she is the first [[Latina]] to chair the board. She supports funding for the Mexican Consulate's mobile ID clinic."),
    ("politician", "Dr Rhys Morgan, the [[Plaid Cymru]] candidate for Ceredigion, is a [[Baptist]] lay preacher and a former GP. He campaigned for the Welsh Language Act and chairs the Welsh rugby supporters' club."),
    ("genealogy", "Family notes: Great-grandfather Johann Weber was a [[Volga German]] who emigrated to Kansas in 1876. His wife Anna was [[Mennonite]]. Their son Peter married a [[Czech]] girl from Wilber, Nebraska. The family Bible is printed in German."),
    ("genealogy", "Our ancestor Pierre Dubois was a [[Huguenot]] refugee who reached the Cape in 1688. His grandson married a [[Dutch]] woman, Aletta van der Merwe. Baptism records survive in the Dutch Reformed Church registers at Stellenbosch."),
    ("genealogy", "Notes on the Kowalczyk line: Grandpa Stanisław was [[Kashubian]] and a [[Catholic]]; Grandma Ruth was [[Lutheran]] and [[Scottish]]. They married in 1948 at the Polish church in Chicago. Their wedding photo hangs in the Polish Museum of America."),
    ("support_chat", "Agent: Hi, how can I help today?\nCustomer: I'm a [[Muslim]] and can't use an interest-earning savings account. Do you have a sharia-compliant option?\nAgent: Yes, our Islamic savings account pays an expected profit rate instead of interest.\nCustomer: Great, thanks."),
    ("support_chat", "Customer: The visa form keeps rejecting my details. I'm [[Brazilian]], but my wife is [[Portuguese]] and her form went through fine.\nAgent: Thanks. The passport number field needs the letters too, e.g. FZ123456.\nCustomer: Ah, got it."),
    ("forum", "As a [[Sikh]] who wears a dastar, I'm exempt from the motorcycle helmet law in the UK. Does anyone know whether the same exemption applies in Germany? The Sikh Federation's website doesn't say."),
    ("forum", "My husband is [[Japanese]] and I'm [[Filipino]]; we're raising the kids trilingual in Japanese, Tagalog and English. Any tips for finding Japanese Saturday schools in Sydney?"),
    ("forum", "I'm a [[Sri Lankan]] [[Tamil]]; my parents are [[Hindu]] but I converted and I'm now [[Catholic]]. Does anyone know a Tamil-language mass in Toronto?"),
    # ---- negatives ----
    ("discharge", "DISCHARGE SUMMARY. 60-year-old man admitted after a fall from a ladder at the Catholic church where he works as caretaker. He speaks Portuguese; a telephone interpreter was used. Diet advice: Mediterranean. Follow-up at St Mary's Catholic Hospital fracture clinic."),
    ("discharge", "Patient: Christian Miller, 41. Presented with fever and joint pain two weeks after a hiking trip in the Bavarian Alps. Serology negative for Lyme disease. Vaccinated against Japanese encephalitis in 2019. Discharged with paracetamol."),
    ("discharge", "Clinical summary: 28-year-old woman with familial Mediterranean fever, stable on colchicine. History of German measles in childhood. She is writing a thesis on the Spanish flu and asked for a sick note. Review in the rheumatology clinic in six months."),
    ("discharge", "Discharge letter: 45-year-old man admitted with chest pain; troponin negative. He works as a chef at the Japanese restaurant in the mall. Started on aspirin. Religion: not recorded. Interpreter: not required."),
    ("hr_onboarding", "NEW STARTER FORM\nName: Christian Andersen\nLanguages: Danish, English\nTeam: Japanese Market Sales\nCompany car: Volvo XC40\nCanteen preference: Indian and Thai menu on Fridays"),
    ("hr_onboarding", "Policy reminder: staff may request leave for religious holidays such as Eid, Yom Kippur or Diwali. The multi-faith prayer room is next to the Catholic chaplaincy office on level 2. Questions go to the HR team in the Swiss Re building."),
    ("hr_onboarding", "Relocation pack: your flat is near the Russian Orthodox cathedral and the Swedish school. The Canadian embassy and the Irish consulate are a short tram ride away. Health insurance is with a Swiss provider."),
    ("tenancy", "PROPERTY LISTING NOTES\nUnit: 2-bed flat above the Polish deli\nParking: permit bays in the mosque car park after 6 pm\nNearby: Jewish primary school, Lebanese restaurant, Irish pub\nDeposit: protected in a government scheme"),
    ("tenancy", "Tenancy application\nApplicant: Jordan Welsh\nEmployer: Turkish Airlines (ground staff)\nCurrent landlord: Methodist Homes housing association\nPets: one Siamese cat\nGuarantor: Mrs Frances English, 27 Kings Road"),
    ("tenancy", "Viewing notes: the flat overlooks the Hindu temple and the Catholic cemetery. The landlord, Mr Christian Olsen, asks for a UK-based guarantor or six months' deposit. The Chinese supermarket on the corner is open late."),
    ("school_enrolment", "Pupil: Norman French\nYear group: 2\nReligion: none stated\nHome language: English\nPrevious nursery: Al-Noor Islamic Academy\nSwimming: Jewish Community Centre pool, Tuesdays"),
    ("school_enrolment", "Dear parents, the school will be closed on 25 September for Yom Kippur and on 12 November for Diwali. Our Catholic ethos welcomes families of all faiths. Year 5 will visit the Hindu temple and the Anglican cathedral next term."),
    ("school_enrolment", "After-school clubs this term: Spanish, Mandarin, Irish dancing and Brazilian capoeira. Year 4 will visit the Roman baths in May. The Turkish delight sale for the French exchange trip is on Friday."),
    ("witness", "WITNESS STATEMENT. I was in the Turkish barber's on Green Lane when a black German saloon mounted the kerb. The driver ran off towards the Baptist chapel. The van behind it had Polish number plates and a Lithuanian flag sticker."),
    ("witness", "I am the manager of the Italian restaurant on Queen Street. At about 9 pm a man in a Brazil football shirt took a bottle of French wine from the bar and left. CCTV from the Chinese supermarket opposite may show his face."),
    ("witness", "I saw a man in a Canada Goose jacket walk out of the phone shop and get into a Japanese hatchback. He dropped a Dutch-language newspaper outside the Jewish bakery. It was about 4 pm."),
    ("dating", "Foodie alert: I love Korean BBQ, Italian opera and Swedish crime dramas. Currently learning Japanese on my commute. Looking for someone to explore Vietnamese street food with."),
    ("dating", "Hi, I'm Christian, 35, an engineer. I drive an old American muscle car and brew Belgian-style beer at home. Weekends usually involve the Chinese market and a long walk by the river."),
    ("obituary", "Harold French, 91, died on 12 June. He ran French & Sons Hardware on the high street for forty years and restored Victorian chapels across the county, including the Methodist chapel on Hill Street. He is survived by his daughter Christine."),
    ("obituary", "Services for Dorothy Norman will be held at the Greek Orthodox Cathedral on Friday, followed by a reception in the Armenian community hall. In lieu of flowers, please give to the Catholic Relief Services appeal."),
    ("obituary", "Christian Mercer, 67, of Dayton, died on 4 April. A retired engineer at General Motors, he loved Irish folk music and Cuban cigars. A memorial will be held at the Unitarian church hall."),
    ("politician", "The Labour-run council approved the budget on Tuesday. The Conservative manifesto had promised to freeze council tax. The vote took place in the Guildhall, opposite the new Sikh gurdwara."),
    ("politician", "The Democratic primary will be held on 5 March. The Republican National Committee has moved its convention to Milwaukee. Both parties are courting Hispanic voters, who make up 30% of the district."),
    ("politician", "Candidate profile: Jamie Ortega, 38, a small-business owner, is running for the school board. She studied at a Jesuit university and runs a Mexican bakery. Her platform focuses on bus routes and library hours."),
    ("genealogy", "Research log: the Huguenot cemetery in Charleston dates from 1687. The Dutch Reformed Church registers were microfilmed in 1970. The Irish Famine drove a wave of emigration in the 1840s."),
    ("genealogy", "Parish registers of the Lutheran church in Stavanger cover 1680-1900. Emigration records are held by the Norwegian-American Historical Association. I also checked the Scottish census of 1851."),
    ("support_chat", "Customer: My order of Turkish delight and a Dutch oven hasn't arrived.\nAgent: Sorry about that! It's held at the Belgian sorting hub.\nCustomer: And the Swiss Army knife?\nAgent: That one shipped separately."),
    ("support_chat", "Customer: How do I switch the app to Brazilian Portuguese? The Canadian French option is missing too.\nAgent: Go to Settings > Language. Canadian French will return in the next update.\nCustomer: Thanks!"),
    ("forum", "Anyone watch the Brazilian national team last night? The Argentine defence looked shaky. A few of us are heading to the Irish pub to watch the Six Nations on Saturday."),
    ("forum", "Which Indian restaurant in Leicester does the best biryani? I'm also looking for a Korean grocery that sells gochujang. The Polish shop near the station has closed."),
    ("forum", "History thread: the Ottoman Empire ruled the Balkans for centuries. The Roman aqueduct in Segovia is still standing. After the Norman conquest, French became the language of the English court."),
    ("forum", "Portfolio update: added American Express, Deutsche Bank and Turkish Airlines; sold Irish Life and China Mobile. The Japanese yen position is unchanged."),
    ("asylum", "Country information: the Eritrean government requires indefinite national service. Pentecostal churches were banned in 2002 and several Catholic clinics were nationalised. The Sudanese border crossing at Tesseney remains closed."),
    ("asylum", "Legal background: the British Nationality Act 1981 replaced citizenship of the UK and Colonies. The Spanish Civil Code sets out how nationality is acquired by residence. Neither rule applies to the appeals in this bundle."),
    ("asylum", "Interview scheduling: the Farsi and Dari interpreters are booked for Monday and the Kurdish Sorani interpreter for Tuesday. Interviews take place at the Lunar House office in Croydon."),
    ("community_notice", "Join us for the Chinese New Year parade on Sunday, the Hindu festival of Diwali in November and the St Patrick's Day march in March. The Jewish Museum stays open late on Thursdays."),
    ("community_notice", "Population note: about 40% of the town is Catholic and 12% Muslim, according to the 2021 census. The Presbyterian church on Main Street closed in 2019 and is now a Thai restaurant."),
    ("community_notice", "Ward profile: the population is 18% Somali and 9% Polish, the council's profile says. Most residents live within a mile of the Sikh gurdwara and the Greek Orthodox school."),
    ("community_notice", "Shopping list for the fete: Greek yoghurt, Swiss cheese, French mustard, Danish pastries, Irish butter. Someone please remove the Japanese knotweed behind the Baptist hall."),
    ("community_notice", "Meeting notes: Christian Bauer, Ms Kirsten Dane and Mr Frank English met to plan the exhibition. Jordan Israel will handle logistics and Norman Welsh the catering."),
]
T["es"] = [
    ("discharge", "INFORME DE ALTA. Mujer de 58 años, [[colombiana]], [[evangélica]], ingresada por insuficiencia cardíaca descompensada. Durante el ingreso mejoró con diuréticos. Se recomienda dieta mediterránea y control en consultas externas del Hospital Alemán dentro de un mes."),
    ("asylum", "EXPEDIENTE DE PROTECCIÓN INTERNACIONAL. El solicitante, de nacionalidad [[venezolana]], afirma ser militante de [[Voluntad Popular]] y haber sido detenido en Caracas en 2019. Su esposa es [[peruana]] y reside en Lima con sus hijos. La entrevista se realizó en español."),
    ("politician", "María José Ruiz es concejala del [[PSOE]] en el Ayuntamiento de Jaén desde 2015. Hija de padres [[marroquíes]], se define como [[musulmana]] practicante. Estudió en un colegio católico de Granada y habla árabe, francés e inglés."),
    ("tenancy", "SOLICITUD DE ALQUILER\nSolicitante: Cristian Alemán Ortega\nProfesión: cocinero en un restaurante chino\nIdiomas: español, inglés y francés\nPreferencia: piso cerca de la mezquita de la calle Mayor\nMascotas: un gato persa"),
    ("community_notice", "Según el último censo, el 70 % de la población del municipio se declara católica. La Semana Santa atrae a miles de turistas y la catedral gótica se levantó sobre una antigua mezquita almohade. El museo judío abre los domingos."),
    ("school_enrolment", "FICHA DE MATRÍCULA\nAlumno: Lucas Francés Gómez\nCurso: 3.º de primaria\nLengua materna: español\nCentro anterior: Colegio Alemán de Madrid\nActividades: fútbol y clases de inglés"),
]
T["fr"] = [
    ("discharge", "COMPTE RENDU D'HOSPITALISATION. Patiente de 63 ans, d'origine [[algérienne]], de confession [[musulmane]], hospitalisée pour un diabète déséquilibré pendant le ramadan. Son fils, de nationalité [[française]], l'accompagne. Elle parle arabe et kabyle. Suivi prévu à l'Hôpital américain de Paris."),
    ("witness", "DÉCLARATION DE TÉMOIN. J'ai vu l'homme sortir de la boulangerie marocaine vers 22 heures. Il m'a dit qu'il était [[sénégalais]] et qu'il cherchait la gare. Sa compagne, [[ivoirienne]], l'attendait dans une voiture japonaise grise."),
    ("politician", "Conseillère municipale ([[Les Républicains]]) depuis 2020, Camille Roux est [[catholique]] pratiquante et d'origine [[portugaise]]. Elle a été élève du lycée catholique Saint-Joseph. Elle préside la commission des sports et soutient le Stade rennais."),
    ("hr_onboarding", "FICHE D'ACCUEIL DU SALARIÉ\nNom : Nguyen Thi Lan\nNationalité : [[vietnamienne]]\nPoste : commis de cuisine au restaurant italien\nLangues : vietnamien, français, anglais\nRégime alimentaire : végétarien"),
    ("community_notice", "Le quartier compte un temple protestant, une synagogue et la Grande Mosquée. Selon une enquête de 2019, environ 8 % des habitants seraient musulmans. Le défilé du Nouvel An chinois aura lieu le 10 février place d'Italie."),
    ("support_chat", "Client : Bonjour, ma commande de moutarde de Dijon et de fromage suisse n'est pas arrivée.\nConseiller : Désolé, le colis est bloqué au centre de tri belge.\nClient : D'accord. Christian Langlais, commande n° 4471."),
    ("obituary", "Jean Lallemand nous a quittés le 4 mai à l'âge de 81 ans. Ancien chef du restaurant chinois « Le Lotus », il adorait le jazz américain et les voitures italiennes. Les obsèques auront lieu au temple protestant de Nîmes."),
]
T["de"] = [
    ("discharge", "ENTLASSUNGSBRIEF. Herr K., 47 Jahre, [[türkischer]] Staatsangehöriger, Konfession: [[alevitisch]], wurde wegen einer Pneumonie stationär behandelt. Der Verlauf war komplikationslos. Die Weiterbehandlung erfolgt im Evangelischen Krankenhaus Bielefeld."),
    ("hr_onboarding", "PERSONALBOGEN\nName: Christiane Becker\nStaatsangehörigkeit: [[deutsch]]\nKonfession (Kirchensteuer): [[evangelisch]]\nSprachen: Deutsch, Englisch, Türkisch\nDienstwagen: japanischer Kleinwagen\nEintritt: 1. März"),
    ("politician", "Stadträtin Aylin Demir ([[SPD]]) sitzt seit 2019 im Kölner Stadtrat. Sie ist die Tochter [[kurdischer]] Eltern und bezeichnet sich als [[Muslimin]]. Zuvor leitete sie das Deutsch-Türkische Kulturzentrum in Ehrenfeld."),
    ("asylum", "Aus der Anhörung: Der Antragsteller ist [[Jeside]] aus dem Sindschar-Gebirge und [[irakischer]] Staatsangehöriger. Er gibt an, im August 2014 vor dem IS geflohen zu sein. Die Anhörung wurde auf Kurmandschi gedolmetscht."),
    ("community_notice", "Die katholische Kirche am Marktplatz wird renoviert; der Gottesdienst findet vorübergehend in der Aula der evangelischen Grundschule statt. Laut Zensus sind 35 % der Einwohner katholisch. Der Türkische Basar am Samstag fällt aus."),
    ("tenancy", "MIETBEWERBUNG\nName: Christian Deutsch\nArbeitgeber: Italienisches Kulturinstitut München\nSprachen: Italienisch, Englisch\nHaustiere: eine Perserkatze\nWunschlage: nahe der Moschee in der Lindenstraße"),
    ("forum", "Kennt jemand ein gutes griechisches Restaurant in Köln? Und wo bekommt man echte polnische Wurst? Ich fahre einen französischen Kombi und suche noch einen Parkplatz in der Nähe des Doms."),
]
T["it"] = [
    ("politician", "Marco Greco, consigliere comunale di [[Fratelli d'Italia]], è [[valdese]] e figlio di madre [[albanese]]. Ha studiato al liceo scientifico statale e prima di entrare in politica lavorava in un ristorante cinese. Tifa per la Juventus."),
    ("asylum", "Il richiedente, cittadino [[nigeriano]] di etnia [[Edo]], dichiara di essere di fede [[cristiana]] e di essere fuggito da Benin City nel 2017. L'audizione si è svolta in inglese presso la Commissione territoriale di Torino."),
    ("genealogy", "Note di famiglia: il bisnonno Giuseppe emigrò in Argentina nel 1905. Sua moglie, Maria Scura, era [[arbëreshë]] di Piana degli Albanesi. La nonna Rosa era [[ebrea]] e sposò un [[argentino]] nel 1950. I registri sono conservati nella chiesa greco-cattolica del paese."),
    ("discharge", "LETTERA DI DIMISSIONE. Dott.ssa Francesca Tedesco, U.O. Cardiologia, Ospedale Israelitico di Roma. Paziente di 70 anni dimesso dopo impianto di pacemaker. Dieta mediterranea, evitare il caffè turco. Controllo tra tre mesi."),
    ("community_notice", "Secondo un recente sondaggio, circa il 70% della popolazione della provincia si dichiara cattolica. La moschea di Roma è la più grande dell'Europa occidentale. Domenica la maratona parte dal Ghetto ebraico."),
    ("support_chat", "Cliente: Buongiorno, ho ordinato un tostapane svedese e un dizionario inglese-italiano, ma è arrivato solo il dizionario.\nOperatore: Mi scusi, il tostapane è fermo nel centro di smistamento tedesco.\nCliente: Grazie, sono Cristiano Romano."),
]
T["pt"] = [
    ("dating", "Oi! Sou a Júlia, 27 anos, [[brasileira]] e [[espírita]]. Amo culinária japonesa, música cubana e cinema italiano. Procuro alguém que goste de viajar e de cachorros."),
    ("hr_onboarding", "FICHA DE ADMISSÃO\nNome: Domingos Cristiano Mendes\nNacionalidade: [[angolana]]\nReligião: [[católica]]\nLínguas: português, umbundu\nViatura: carro alemão da frota\nInício: 2 de janeiro"),
    ("obituary", "Faleceu no dia 3 de abril, aos 84 anos, o Sr. António Rodrigues Alemão. [[Cabo-verdiano]] de nascimento e [[português]] por naturalização, era [[evangélico]] e frequentava a igreja da Amadora. Trabalhou no restaurante italiano da Baixa até se reformar."),
    ("community_notice", "O bairro tem uma igreja luterana, uma sinagoga e uma mesquita. Segundo o IBGE, metade dos moradores é católica. A feira japonesa acontece todo domingo na praça da Liberdade."),
    ("forum", "Alguém sabe onde assistir ao jogo da seleção argentina? O bar irlandês do centro vai passar? Eu levo o vinho português e o queijo suíço."),
    ("tenancy", "PROPOSTA DE ARRENDAMENTO\nProponente: Cristiano Alemão Silva\nEntidade patronal: Escola Alemã de Lisboa\nLínguas: português, inglês, alemão\nAnimais: um gato persa\nPreferência: perto da mesquita central"),
]
T["nl"] = [
    ("discharge", "ONTSLAGBRIEF. Mevrouw S., 71 jaar, [[Surinaamse]] van [[Hindoestaanse]] afkomst en [[hindoe]], werd opgenomen met een longontsteking. Zij spreekt Sarnami en Nederlands. Controle over zes weken op de polikliniek longziekten."),
    ("politician", "Raadslid Sanne de Vries is sinds 2018 lid van de [[VVD]]. Ze is [[katholiek]] en groeide op in Maastricht; haar man is [[Marokkaan]]. Ze zit in de commissie die het Turkse cultuurcentrum subsidieert."),
    ("witness", "GETUIGENVERKLARING. De man die de fiets stal, zei tegen mij dat hij [[Pools]] was. Zijn vriend, een [[Belg]], stond bij de Turkse bakker te wachten. Daarna reden ze weg in een Duitse bestelbus."),
    ("forum", "Ik zoek een recept voor Indonesische rijsttafel en Surinaamse roti. Iemand tips voor een Chinese toko in Utrecht? De Vietnamese loempia's op de markt zijn ook top."),
    ("community_notice", "De katholieke basisschool ligt naast de moskee aan de Kerkstraat. Volgens het CBS is ongeveer 20 procent van de inwoners katholiek. Het Joods Museum organiseert zondag een rondleiding."),
    ("support_chat", "Klant: Mijn Duitse e-bike maakt een raar geluid.\nMedewerker: Vervelend! Mag ik uw naam?\nKlant: Christiaan Engels, ordernummer 88213.\nMedewerker: Dank u, we sturen een monteur van ons Belgische servicecentrum."),
]
T["pl"] = [
    ("asylum", "Wnioskodawczyni jest [[Ukrainką]] pochodzenia [[krymskotatarskiego]] i wyznania [[muzułmańskiego]]. Opuściła Krym w 2014 roku i od tego czasu mieszka w Lublinie. Przesłuchanie przeprowadzono w języku rosyjskim w obecności tłumacza."),
    ("school_enrolment", "KARTA ZAPISU UCZNIA\nImię i nazwisko: Kacper Niemiec\nKlasa: 2b\nObywatelstwo: [[polskie]]\nWyznanie: [[prawosławne]]\nJęzyk obcy: angielski\nŚwietlica: tak"),
    ("politician", "Radny Jan Kowalski od 2005 roku jest członkiem [[Prawa i Sprawiedliwości]]. Jest [[katolikiem]] i ojcem trojga dzieci, a jego żona jest [[Litwinką]]. Wcześniej pracował w niemieckiej firmie logistycznej."),
    ("forum", "Kupiłem niemiecki samochód i włoski ekspres do kawy. Szukam jeszcze dobrego czeskiego piwa i francuskiego sera. Polecacie coś w Krakowie?"),
    ("community_notice", "W parafii około 90% mieszkańców to katolicy. Kościół ewangelicki przy ulicy Długiej jest zabytkiem, a dawna synagoga mieści dziś muzeum. Festiwal Kultury Żydowskiej odbędzie się w czerwcu."),
    ("school_enrolment", "Pani Anna Czech uczy angielskiego w katolickiej szkole podstawowej. W piątek zabierze klasę do Muzeum Historii Żydów Polskich POLIN. Zbiórka o 8:00 przy cerkwi prawosławnej."),
]
T["sv"] = [
    ("discharge", "EPIKRIS. Patienten är en 50-årig [[irakisk]] man och [[assyrier]] som vårdades för lunginflammation. Han är [[kristen]] och önskade besök av präst, vilket ordnades. Uppföljning på vårdcentralen om två veckor."),
    ("politician", "Kommunalrådet Lena Berg ([[Socialdemokraterna]]) föddes i Helsingfors och är [[finlandssvensk]]. Hon har suttit i fullmäktige sedan 2010. Innan hon blev politiker arbetade hon på en dansk bank."),
    ("obituary", "Vår käre far och morfar Nils Anders Kuoljok har lämnat oss i sorg. Han var en stolt [[same]] och renskötare hela sitt liv, och en trogen [[laestadian]]. Begravningen äger rum i Jokkmokks kyrka den 12 mars."),
    ("forum", "Vi köpte en tysk bil förra året och äter ofta på den libanesiska restaurangen vid torget. Någon som vet var man hittar japansk whisky i Göteborg?"),
    ("community_notice", "Ungefär 55 procent av befolkningen är medlemmar i Svenska kyrkan. Den katolska skolan i Malmö tar emot nya elever i augusti. Moskén på Ystadvägen har öppet hus på lördag."),
    ("hr_onboarding", "INTRODUKTION NY MEDARBETARE\nNamn: Christian Svensson\nSpråk: svenska, engelska, finska\nAvdelning: norska marknaden\nTjänstebil: fransk elbil\nStartdatum: 1 september"),
]
T["nb"] = [
    ("asylum", "Søkeren er [[pakistansk]] statsborger og [[ahmadi]]. Han forklarer at han ble trakassert i Lahore fordi han tilhører en forfulgt religiøs minoritet. Intervjuet ble gjennomført på urdu med tolk."),
    ("politician", "Ordfører Kari Nilsen ([[Arbeiderpartiet]]) har ledet kommunen siden 2019. Hun har [[kvensk]] bakgrunn og snakker både kvensk og norsk. Tidligere jobbet hun ved det russiske konsulatet i Kirkenes."),
    ("dating", "Hei! Jeg er Amina, 31, [[somalisk]] og [[muslim]], oppvokst i Oslo. Jeg elsker italiensk mat og svenske krimserier. Søker en snill og morsom mann."),
    ("community_notice", "Omtrent 65 prosent av innbyggerne er medlemmer av Den norske kirke. Den katolske kirken i sentrum feirer 150 år, og den nye moskeen åpner i mai."),
    ("support_chat", "Kunde: Hei, jeg heter Finn Hansen og har bestilt en svensk sofa.\nKundeservice: Takk, Finn! Sofaen sendes fra vårt danske lager på fredag.\nKunde: Flott, og den tyske lampen?"),
    ("forum", "Vi anbefaler den italienske kafeen ved domkirken og det japanske hotellet på brygga. Har noen prøvd den etiopiske restauranten på Grünerløkka?"),
]
T["da"] = [
    ("tenancy", "LEJEANSØGNING\nAnsøger: Mehmet Öztürk\nStatsborgerskab: [[tyrkisk]]\nBeskæftigelse: kok på en italiensk restaurant\nSprog: tyrkisk, dansk, tysk\nHusdyr: ingen"),
    ("politician", "Byrådsmedlem Mette Holm ([[Venstre]]) er [[grønlænder]] og flyttede til Aalborg i 2001. Hun er desuden [[katolik]] og sidder i kulturudvalget. Til daglig arbejder hun på det svenske konsulat."),
    ("obituary", "Vores elskede mor, Ingrid Joensen, sov stille ind den 2. februar. Hun var [[færing]] og flyttede til København som ung. Hun var [[baptist]] hele livet og sang i kirkekoret. Bisættelsen finder sted fra Baptistkirken på Christianshavn."),
    ("community_notice", "Ca. 72 procent af danskerne er medlem af folkekirken. Kong Christian den Fjerde lod Rundetårn opføre i 1600-tallet. Den katolske skole på Østerbro holder åbent hus."),
    ("forum", "Vi spiste på en thailandsk restaurant og købte et japansk kamera. Er der nogen, der kender en god tysk bager i Aarhus?"),
    ("hr_onboarding", "MEDARBEJDERSKEMA\nNavn: Christian Madsen\nSprog: dansk, engelsk, spansk\nAfdeling: det norske marked\nFirmabil: fransk elbil"),
]
T["cs"] = [
    ("hr_onboarding", "OSOBNÍ DOTAZNÍK\nJméno: Tran Van Minh\nStátní občanství: [[vietnamské]]\nNárodnost: [[vietnamská]]\nJazyky: vietnamština, čeština\nPracoviště: sklad japonské firmy v Plzni"),
    ("politician", "Zastupitel Petr Němec ([[ODS]]) působí v radě města od roku 2014. Je [[římský katolík]] a jeho manželka je [[Slovenka]]. Dříve pracoval v německé automobilce."),
    ("witness", "VÝPOVĚĎ SVĚDKA. Muž, který rozbil výlohu, se mi představil jako [[Slovák]]. Jeho kamarád o sobě řekl, že je [[Rom]] a že bydlí u italské restaurace na náměstí."),
    ("forum", "Koupil jsem německé auto a italský kávovar. Víte někdo o dobré vietnamské restauraci v Brně?"),
    ("community_notice", "Podle sčítání lidu se asi 10 % obyvatel hlásí ke katolické církvi. Židovské Město v Praze navštíví ročně statisíce turistů. Evangelický kostel v Libni prochází rekonstrukcí."),
    ("school_enrolment", "Paní Jana Němcová učí angličtinu na katolickém gymnáziu. Ve čtvrtek vezme třídu do Židovského muzea. Sraz je v 8:00 před ruským velvyslanectvím."),
]
T["ro"] = [
    ("discharge", "BILET DE EXTERNARE. Pacienta, în vârstă de 66 de ani, de etnie [[maghiară]] și de religie [[reformată]], a fost internată pentru pneumonie. Evoluția a fost favorabilă. Pacienta vorbește maghiară și română. Control la medicul de familie peste două săptămâni."),
    ("politician", "Consilierul local Ion Popescu, membru [[PNL]], este [[ortodox]] practicant și căsătorit cu o [[grecoaică]]. Înainte de a intra în politică a lucrat la o firmă germană de software."),
    ("school_enrolment", "FIȘĂ DE ÎNSCRIERE\nElev: Andrei Rusu\nClasa: a V-a\nCetățenie: [[moldovenească]]\nReligie: [[greco-catolică]]\nLimba maternă: română"),
    ("forum", "Am mâncat la un restaurant turcesc și mi-am cumpărat o mașină germană. Știe cineva un magazin cu brânză olandeză în Cluj?"),
    ("community_notice", "Aproximativ 86% din populație este ortodoxă, conform recensământului. Catedrala catolică din Timișoara a fost restaurată. Doamna Elena Ungureanu conduce muzeul evreiesc din oraș."),
    ("support_chat", "Client: Bună ziua, am comandat un aspirator japonez și nu a ajuns.\nOperator: Ne cerem scuze, coletul este la depozitul din Bulgaria.\nClient: Mulțumesc. Mă numesc Cristian Neamțu."),
]
T["el"] = [
    ("discharge", "ΕΞΙΤΗΡΙΟ. Ο ασθενής, 58 ετών, [[Αλβανός]] υπήκοος και [[μουσουλμάνος]], νοσηλεύτηκε λόγω πνευμονίας. Η πορεία ήταν ομαλή. Ο ασθενής μιλά αλβανικά και ελληνικά. Επανέλεγχος στο Κέντρο Υγείας σε δύο εβδομάδες."),
    ("politician", "Η δημοτική σύμβουλος Μαρία Παπαδοπούλου, μέλος της [[Νέας Δημοκρατίας]], είναι [[ορθόδοξη χριστιανή]] και μητέρα δύο παιδιών. Πριν ασχοληθεί με την πολιτική εργαζόταν σε γερμανική εταιρεία."),
    ("asylum", "Ο αιτών δηλώνει ότι είναι [[Σύρος]] υπήκοος και [[Κούρδος]] στην καταγωγή. Έφυγε από το Χαλέπι το 2015. Η συνέντευξη έγινε στα κουρδικά με διερμηνέα."),
    ("forum", "Φάγαμε σε ένα ιταλικό εστιατόριο και αγοράσαμε γερμανικό αυτοκίνητο. Ξέρει κανείς καλό κινέζικο μαγαζί στη Θεσσαλονίκη;"),
    ("community_notice", "Περίπου το 90% του πληθυσμού δηλώνει ορθόδοξο. Η καθολική εκκλησία της Σύρου γιορτάζει φέτος 200 χρόνια. Το Εβραϊκό Μουσείο είναι ανοιχτό την Κυριακή."),
    ("hr_onboarding", "ΚΑΡΤΑ ΝΕΟΥ ΥΠΑΛΛΗΛΟΥ\nΌνομα: Χρήστος Γερμανός\nΓλώσσες: ελληνικά, αγγλικά, γαλλικά\nΤμήμα: εξαγωγές προς την ιταλική αγορά\nΕταιρικό αυτοκίνητο: ιαπωνικό"),
]
T["id"] = [
    ("hr_onboarding", "DATA KARYAWAN BARU\nNama: Budi Santoso\nSuku: [[Jawa]]\nAgama: [[Katolik]]\nBahasa: Indonesia, Jawa, Inggris\nPenempatan: kantor cabang perusahaan Jepang di Bekasi"),
    ("dating", "Halo! Aku Mei Ling, 28 tahun, keturunan [[Tionghoa]] dan beragama [[Kristen]]. Suka masakan Padang, drama Korea, dan kopi Italia. Cari teman ngobrol yang serius."),
    ("school_enrolment", "FORMULIR PENDAFTARAN SISWA\nNama: Siti Rahmawati\nAgama: [[Islam]]\nSuku: [[Minangkabau]]\nSekolah asal: SD Katolik Santa Maria\nBahasa sehari-hari: Minang dan Indonesia"),
    ("genealogy", "Catatan keluarga: kakek saya orang [[Batak Toba]] yang beragama [[Protestan]], sedangkan nenek saya orang [[Sunda]] yang beragama [[Islam]]. Mereka menikah di Medan pada tahun 1961. Foto pernikahan mereka disimpan di gereja HKBP setempat."),
    ("forum", "Kami makan di restoran Jepang dan membeli mobil Korea. Ada yang tahu toko roti Prancis yang enak di Bandung?"),
    ("community_notice", "Sekitar 87% penduduk Indonesia beragama Islam. Masjid Istiqlal dan Gereja Katedral Jakarta berdiri berdampingan. Perayaan Imlek di Glodok selalu ramai."),
    ("support_chat", "Pelanggan: Halo, pesanan teh Jepang dan cokelat Belgia saya belum sampai.\nCS: Mohon maaf, paket masih di gudang Singapura.\nPelanggan: Baik, atas nama Kristian Wibowo."),
]


def parse(template):
    """Strip [[...]] markers; return (text, spans, values)."""
    parts, spans, values, pos, length = [], [], [], 0, 0
    for m in MARK.finditer(template):
        before = template[pos:m.start()]
        parts.append(before)
        length += len(before)
        val = m.group(1)
        spans.append({"start": length, "end": length + len(val), "label": "NRP"})
        values.append(val)
        parts.append(val)
        length += len(val)
        pos = m.end()
    parts.append(template[pos:])
    text = "".join(parts)
    assert "[[" not in text and "]]" not in text, template
    for s, v in zip(spans, values):
        assert text[s["start"]:s["end"]] == v, (v, text)
        assert v == v.strip() and v, v
    return text, spans, values


def main():
    rng = random.Random(SEED)
    items = [(lang, kind, tpl) for lang, rows in T.items() for kind, tpl in rows]
    texts = [tpl for _, _, tpl in items]
    assert len(set(texts)) == len(texts), "duplicate template"
    rng.shuffle(items)
    rows, values = [], collections.Counter()
    for n, (lang, kind, tpl) in enumerate(items, 1):
        text, spans, vals = parse(tpl)
        values.update(vals)
        rows.append({"id": f"c13-{n:04d}", "text": text, "spans": spans, "label_scope": ["NRP"],
                     "meta": {"kind": kind, "lang": lang, "polarity": "positive" if spans else "negative"}})
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    pos = [r for r in rows if r["spans"]]
    print(f"wrote {OUT}")
    print(f"rows: {len(rows)}  rows with spans: {len(pos)}  rows without: {len(rows) - len(pos)}")
    print(f"spans: {sum(len(r['spans']) for r in rows)}  distinct values: {len(values)}")
    per = collections.Counter(r["meta"]["lang"] for r in rows)
    per_pos = collections.Counter(r["meta"]["lang"] for r in pos)
    print("per language (rows / positive):", ", ".join(f"{k} {per[k]}/{per_pos[k]}" for k in T))
    print("kinds:", dict(collections.Counter(r["meta"]["kind"] for r in rows)))
    print("values:", ", ".join(sorted(values)))
    for r in random.Random(SEED + 1).sample(rows, 6):
        print(json.dumps({"id": r["id"], "meta": r["meta"], "text": r["text"],
                          "gold": [r["text"][s["start"]:s["end"]] for s in r["spans"]]}, ensure_ascii=False))


if __name__ == "__main__":
    main()

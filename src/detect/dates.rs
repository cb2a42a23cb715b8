//! Dates and times tied to a person: birth, death, admission and discharge,
//! visits and appointments, hiring, travel, personal transactions.
//!
//! The shape of a date says nothing about whose it is, so every candidate is
//! scored by its context, read within its own clause (a cue word on the previous
//! log line or in another sentence says nothing about this date): words such as
//! "born", "DOB", "admitted", "visit" make it personal; "released", "deadline",
//! "takes effect", "support ends", "holiday", "treaty" make it not. Without either,
//! a calendar date counts as personal (a prompt that names a date usually names
//! someone's), but a system timestamp does not: a date with a time to the second
//! that opens a log line, is a `key=value` / JSON / header field, or is followed by
//! a log level. Dates in one list or range ("1 January, 18 April and 5 May",
//! "24.12.2025 to 01.01.2026") share the verdict of the first one decided by
//! context. In a table, the column header is the context. Times are kept when they
//! belong to a kept date ("on 5 May 2024 at 10:30") or to an appointment.
//!
//! Numeric, ISO, compact and written-out forms are recognized, with month names in
//! English, German, French, Spanish, Italian, Dutch, Portuguese, the Nordic
//! languages, Polish, Czech and Turkish, and CJK year-month-day forms; a leading
//! weekday belongs to the span ("Tuesday, March 4, 2025"), a trailing full stop
//! does not ("on 23 Feb."). Every candidate is checked against the calendar.
//! Month names are found by looking up the words of the text (`words`), one pass,
//! and the rest is parsed by hand
//! around them: no regex runs over the text.

use std::sync::Arc;

use super::words::WordTable;

use super::context::{evidence, ContextRule, Evidence};
use super::features::Feature;
use super::{contains_ignore_case, BuildError, Detector, Finding, Label, ScanInput};

/// Month names and abbreviations with their month number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // German, Dutch and French abbreviations
    ("okt", 10),
    ("dez", 12),
    ("mär", 3),
    ("mrz", 3),
    ("mrt", 3),
    ("janv", 1),
    ("févr", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // Danish, Norwegian, Swedish (januar, april, juni… are above)
    ("marts", 3),
    ("maj", 5),
    ("augusti", 8),
    // Polish (genitive, as written in dates)
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("wrzesnia", 9),
    ("października", 10),
    ("pazdziernika", 10),
    ("listopada", 11),
    ("grudnia", 12),
    // Czech (genitive)
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    // Turkish
    ("ocak", 1),
    ("şubat", 2),
    ("subat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("mayis", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("agustos", 8),
    ("eylül", 9),
    ("eylul", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("kasim", 11),
    ("aralık", 12),
    ("aralik", 12),
    // Romanian
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    // Indonesian and Malay
    ("maret", 3),
    ("agustus", 8),
    ("desember", 12),
    // Greek (the genitive dates are written in; word lookup folds ASCII case only).
    ("Μαρτίου", 3),
    ("μαρτίου", 3),
    ("Απριλίου", 4),
    ("απριλίου", 4),
    ("Μαΐου", 5),
    ("μαΐου", 5),
    ("Ιουνίου", 6),
    ("ιουνίου", 6),
    ("Ιουλίου", 7),
    ("ιουλίου", 7),
    ("Ιανουαρίου", 1),
    ("ιανουαρίου", 1),
    ("Φεβρουαρίου", 2),
    ("φεβρουαρίου", 2),
    ("Αυγούστου", 8),
    ("αυγούστου", 8),
    ("Σεπτεμβρίου", 9),
    ("σεπτεμβρίου", 9),
    ("Οκτωβρίου", 10),
    ("οκτωβρίου", 10),
    ("Νοεμβρίου", 11),
    ("νοεμβρίου", 11),
    ("Δεκεμβρίου", 12),
    ("δεκεμβρίου", 12),
    // Hindi
    ("जनवरी", 1),
    ("फरवरी", 2),
    // with the nukta, as NFKC writes it (फ़ is a composition exclusion)
    ("\u{092B}\u{093C}रवरी", 2),
    ("मार्च", 3),
    ("मई", 5),
    ("जून", 6),
    ("जुलाई", 7),
    ("अगस्त", 8),
    ("नवंबर", 11),
    ("नवम्बर", 11),
    ("अप्रैल", 4),
    ("सितंबर", 9),
    ("सितम्बर", 9),
    ("अक्टूबर", 10),
    ("अक्तूबर", 10),
    ("दिसंबर", 12),
    ("दिसम्बर", 12),
    // Arabic
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Hungarian
    ("január", 1),
    ("február", 2),
    ("március", 3),
    ("április", 4),
    ("május", 5),
    ("június", 6),
    ("július", 7),
    ("augusztus", 8),
    ("szeptember", 9),
    ("október", 10),
    // Finnish (the partitive dates are written in)
    ("tammikuuta", 1),
    ("helmikuuta", 2),
    ("maaliskuuta", 3),
    ("huhtikuuta", 4),
    ("toukokuuta", 5),
    ("kesäkuuta", 6),
    ("heinäkuuta", 7),
    ("elokuuta", 8),
    ("syyskuuta", 9),
    ("lokakuuta", 10),
    ("marraskuuta", 11),
    ("joulukuuta", 12),
    // Russian and Ukrainian (genitive, lowercase as written in dates)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    // Swahili, Malay and Filipino (the names not above)
    ("machi", 3),
    ("aprili", 4),
    ("julai", 7),
    ("agosti", 8),
    ("septemba", 9),
    ("oktoba", 10),
    ("novemba", 11),
    ("desemba", 12),
    ("ogos", 8),
    ("disember", 12),
    ("pebrero", 2),
    ("marso", 3),
    ("hunyo", 6),
    ("hulyo", 7),
    ("setyembre", 9),
    ("oktubre", 10),
    ("nobyembre", 11),
    ("disyembre", 12),
    // Slovak (genitive)
    ("januára", 1),
    ("februára", 2),
    ("apríla", 4),
    ("mája", 5),
    ("júna", 6),
    ("júla", 7),
    ("augusta", 8),
    ("septembra", 9),
    ("októbra", 10),
    ("novembra", 11),
    ("decembra", 12),
    // Croatian (genitive; "listopada" is October there, November in Polish)
    ("siječnja", 1),
    ("veljače", 2),
    ("ožujka", 3),
    ("travnja", 4),
    ("svibnja", 5),
    ("lipnja", 6),
    ("srpnja", 7),
    ("kolovoza", 8),
    ("rujna", 9),
    ("studenoga", 11),
    ("prosinca", 12),
    // Estonian
    ("jaanuar", 1),
    ("veebruar", 2),
    ("märts", 3),
    ("aprill", 4),
    ("juuni", 6),
    ("juuli", 7),
    ("oktoober", 10),
    ("detsember", 12),
    // Bulgarian
    ("януари", 1),
    ("февруари", 2),
    ("март", 3),
    ("април", 4),
    ("май", 5),
    ("юни", 6),
    ("юли", 7),
    ("август", 8),
    ("септември", 9),
    ("октомври", 10),
    ("ноември", 11),
    ("декември", 12),
    // Hebrew, with and without the prefix "in" (ב) dates are written with
    ("ינואר", 1),
    ("פברואר", 2),
    ("מרץ", 3),
    ("אפריל", 4),
    ("מאי", 5),
    ("יוני", 6),
    ("יולי", 7),
    ("אוגוסט", 8),
    ("ספטמבר", 9),
    ("אוקטובר", 10),
    ("נובמבר", 11),
    ("דצמבר", 12),
    ("בינואר", 1),
    ("בפברואר", 2),
    ("במרץ", 3),
    ("באפריל", 4),
    ("במאי", 5),
    ("ביוני", 6),
    ("ביולי", 7),
    ("באוגוסט", 8),
    ("בספטמבר", 9),
    ("באוקטובר", 10),
    ("בנובמבר", 11),
    ("בדצמבר", 12),
    // Thai
    ("มกราคม", 1),
    ("กุมภาพันธ์", 2),
    ("มีนาคม", 3),
    ("เมษายน", 4),
    ("พฤษภาคม", 5),
    ("มิถุนายน", 6),
    ("กรกฎาคม", 7),
    ("สิงหาคม", 8),
    ("กันยายน", 9),
    ("ตุลาคม", 10),
    ("พฤศจิกายน", 11),
    ("ธันวาคม", 12),
    // Bengali
    ("জানুয়ারী", 1),
    ("জানুয়ারি", 1),
    ("ফেব্রুয়ারী", 2),
    ("ফেব্রুয়ারি", 2),
    ("মার্চ", 3),
    ("এপ্রিল", 4),
    ("জুন", 6),
    ("জুলাই", 7),
    ("আগস্ট", 8),
    ("সেপ্টেম্বর", 9),
    ("অক্টোবর", 10),
    ("নভেম্বর", 11),
    ("ডিসেম্বর", 12),
    // Catalan
    ("gener", 1),
    ("febrer", 2),
    ("maig", 5),
    ("juny", 6),
    ("juliol", 7),
    ("setembre", 9),
    ("desembre", 12),
    // Urdu
    ("جنوری", 1),
    ("فروری", 2),
    ("مارچ", 3),
    ("اپریل", 4),
    ("مئی", 5),
    ("جون", 6),
    ("جولائی", 7),
    ("اگست", 8),
    ("ستمبر", 9),
    ("اکتوبر", 10),
    ("نومبر", 11),
    ("دسمبر", 12),
    // Persian (the Gregorian months)
    ("ژانویه", 1),
    ("فوریه", 2),
    ("آوریل", 4),
    ("ژوئن", 6),
    ("ژوئیه", 7),
    ("اوت", 8),
    ("سپتامبر", 9),
    ("اکتبر", 10),
    ("نوامبر", 11),
    ("دسامبر", 12),
];

/// Month abbreviations of other languages that are also common words ("ago",
/// "set", "out", "sie", "lip", "ara", "des"): a date only with a four-digit year
/// ("16 ago 1980", "5 Kas 2025"), never alone or with the month and year only.
const ABBREVIATIONS_WITH_YEAR: &[(&str, u32)] = &[
    // Spanish, Italian, Portuguese, Catalan
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("set", 9),
    ("ott", 10),
    ("fev", 2),
    ("out", 10),
    ("febr", 2),
    // Polish
    ("sty", 1),
    ("lut", 2),
    ("kwi", 4),
    ("cze", 6),
    ("lip", 7),
    ("sie", 8),
    ("wrz", 9),
    ("paź", 10),
    ("lis", 11),
    ("gru", 12),
    // Norwegian, Danish, Estonian
    ("des", 12),
    ("jaan", 1),
    ("veebr", 2),
    ("dets", 12),
    // Turkish
    ("oca", 1),
    ("şub", 2),
    ("nis", 4),
    ("haz", 6),
    ("tem", 7),
    ("ağu", 8),
    ("eyl", 9),
    ("eki", 10),
    ("kas", 11),
    ("ara", 12),
    // Greek (capitalized as written)
    ("Ιαν", 1),
    ("Φεβ", 2),
    ("Μαρ", 3),
    ("Απρ", 4),
    ("Μαΐ", 5),
    ("Ιουν", 6),
    ("Ιουλ", 7),
    ("Αυγ", 8),
    ("Σεπ", 9),
    ("Οκτ", 10),
    ("Νοε", 11),
    ("Δεκ", 12),
    // Russian and Ukrainian
    ("янв", 1),
    ("февр", 2),
    ("мар", 3),
    ("апр", 4),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сент", 9),
    ("окт", 10),
    ("нояб", 11),
    ("дек", 12),
    ("січ", 1),
    ("лют", 2),
    ("бер", 3),
    ("квіт", 4),
    ("трав", 5),
    ("черв", 6),
    ("лип", 7),
    ("серп", 8),
    ("вер", 9),
    ("жовт", 10),
    ("лист", 11),
    ("груд", 12),
    // Croatian, Malay
    ("mac", 3),
    ("sij", 1),
    ("velj", 2),
    ("ožu", 3),
    ("svi", 5),
    ("dis", 12),
];

/// Weekday names (and common abbreviations) that belong to a date written after
/// them: "Tuesday, March 4", "Sat, 14 Jun", "mardi 12 mars", "tirsdag den 6. maj".
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun", // English
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag", // German
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche", // French
    "lunes",
    "martes",
    "miércoles",
    "miercoles",
    "jueves",
    "viernes",
    "sábado",
    "sabado",
    "domingo", // Spanish
    "lunedì",
    "lunedi",
    "martedì",
    "martedi",
    "mercoledì",
    "mercoledi",
    "giovedì",
    "giovedi",
    "venerdì",
    "venerdi",
    "sabato",
    "domenica", // Italian
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag", // Dutch
    "segunda-feira",
    "terça-feira",
    "terca-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira", // Portuguese
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "måndag",
    "tisdag",
    "lördag",
    "söndag", // Nordic
    "poniedziałek",
    "wtorek",
    "środa",
    "czwartek",
    "piątek",
    "sobota",
    "niedziela", // Polish
    "pazartesi",
    "salı",
    "çarşamba",
    "perşembe",
    "cuma",
    "cumartesi",
    "pazar", // Turkish
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "isnin",
    "khamis",
    "ahad", // Indonesian and Malay
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    "понеділок",
    "вівторок",
    "середа",
    "четвер",
    "пʼятниця",
    "субота",
    "неділя", // Russian and Ukrainian
    "maanantai",
    "tiistai",
    "keskiviikko",
    "torstai",
    "perjantai",
    "lauantai",
    "sunnuntai", // Finnish
    "hétfő",
    "kedd",
    "szerda",
    "csütörtök",
    "péntek",
    "szombat",
    "vasárnap", // Hungarian
    "luni",
    "marți",
    "miercuri",
    "joi",
    "vineri",
    "sâmbătă",
    "duminică", // Romanian
    "pondělí",
    "úterý",
    "středa",
    "čtvrtek",
    "pátek",
    "neděle", // Czech
    "Δευτέρα",
    "Τρίτη",
    "Τετάρτη",
    "Πέμπτη",
    "Παρασκευή",
    "Σάββατο",
    "Κυριακή", // Greek
    "huwebes",
    "biyernes",
    "linggo", // Filipino
    "jumatatu",
    "jumanne",
    "jumatano",
    "alhamisi",
    "ijumaa",
    "jumamosi",
    "jumapili", // Swahili
    "lun",
    "mer",
    "gio",
    "ven",
    "sab",
    "dom", // Italian and Spanish abbreviations
    "ma",
    "ti",
    "ke",
    "su", // Finnish abbreviations (not "to", "pe", "la": English and Romanian words before dates)
];

static PERSONAL: ContextRule = ContextRule::in_clause(
    &[
        "born",
        "birth",
        "baptised",
        "baptized",
        "christened",
        "buried",
        "birthday",
        "dob",
        "d.o.b",
        "admitted",
        "admission",
        "adm",
        "discharged",
        "discharge",
        "disch",
        "d/c",
        // HL7 v2 patient identification segment (PID-7 is the birth date)
        "pid|",
        "seen",
        "visit",
        "visited",
        "appointment",
        "appt",
        "follow-up",
        "f/u",
        "surgery",
        "operation",
        "procedure",
        "diagnosed",
        "dose",
        "booster",
        "vaccination",
        "vaccinated",
        "accident",
        "injury",
        "hired",
        "hire",
        "start date",
        "started",
        "starting",
        "joined",
        "since",
        "employed",
        "worked",
        "terminated",
        "termination",
        "effective",
        "resign",
        "shift",
        "shifts",
        "departing",
        "departure",
        "leaves",
        "dep",
        "arriving",
        "arrival",
        "flight",
        "flying",
        "fly",
        "travel",
        "check-in",
        "check-out",
        "checkout",
        "moved in",
        "move-in",
        "lease",
        "charged",
        "paid",
        "payment",
        "transaction",
        "transfer",
        "purchased",
        "bought",
        "died",
        "death",
        "deceased",
        "married",
        "wedding",
        "moved",
        "meeting",
        "call",
        "dinner",
        "lunch",
        "interview",
        "until",
        "away",
        "leave",
        "vacation",
        "booked",
        "reservation",
        "stay",
        "renewal",
        "issued",
        // other languages
        "geboren",
        "geburtstag",
        "termin",
        "aufgenommen",
        "entlassen",
        "operiert",
        "né",
        "née",
        "rendez-vous",
        "rdv",
        "hospitalisation",
        "sortie",
        "nacido",
        "nacida",
        "nacimiento",
        "cita",
        "consulta",
        "nascido",
        "nascida",
        "nato",
        "nata",
        "ricoverato",
        "ricoverata",
        "dimesso",
        "dimessa",
        "afspraak",
        "geboortedatum",
        "født",
        "född",
        "møde",
        "kallelse",
        "urodzony",
        "urodzona",
        "narození",
        "doğum",
        "syntynyt",
        "syntymä",
        "randevu",
        "født",
        "födelse",
        "родился",
        "родилась",
        "Родился",
        "Родилась",
        "рождения",
        "народився",
        "народилася",
        "народження",
        "приём",
        "прием",
        "госпитализ",
        "lahir",
        "janji temu",
        "dirawat",
        "ngày sinh",
        "sinh ngày",
        "lịch hẹn",
        "nhập viện",
        "született",
        "születési",
        "időpont",
        "născut",
        "născută",
        "programare",
        "γεννήθηκε",
        "γέννησης",
        "ραντεβού",
        "تاريخ الميلاد",
        "ولد",
        "موعد",
        "जन्म",
        "अपॉइंटमेंट",
        "出生",
        "生日",
        "生年月日",
        "誕生日",
        "予約",
        "预约",
        "入院",
        "就诊",
        "생년월일",
        "예약",
    ],
    &[
        "released",
        "release",
        "came into force",
        "into force",
        "takes effect",
        "take effect",
        "took effect",
        "in effect",
        "into effect",
        "applies from",
        "applied from",
        "compliance date",
        "enacted",
        "ratified",
        "treaty",
        "regulation",
        "directive",
        "deadline",
        "sprint",
        "board",
        "board meeting",
        "sunset",
        "due",
        "closed",
        "closes",
        "closing",
        "closure",
        "maintenance",
        "outage",
        "launch",
        "rollout",
        "go-live",
        "go live",
        "goes live",
        "went live",
        "enforcement",
        "cutover",
        "code freeze",
        // not "freeze" alone: "freeze my membership from 01/09/2026" is someone's
        "the freeze",
        "feature freeze",
        "change freeze",
        "freeze period",
        "freeze window",
        "milestone",
        "roadmap",
        "embargo",
        "pricing",
        "audit",
        "filing",
        "conference",
        "summit",
        "webinar",
        "keynote",
        "agenda",
        "cfp",
        "call for papers",
        "submission",
        "submissions",
        "registration",
        "kick-off",
        "kickoff",
        "early-bird",
        "quarter",
        "fiscal",
        "q1",
        "q2",
        "q3",
        "q4",
        "version",
        "changelog",
        "published",
        "created",
        "updated",
        "modified",
        "last-modified",
        "timestamp",
        "holiday",
        "holidays",
        "bank holiday",
        "feiertag",
        "feiertage",
        "fériés",
        "festivo",
        "countdown",
        "cutoff",
        "end of life",
        "end-of-life",
        "eol",
        "end of support",
        "support ends",
        "support ended",
        "deprecated",
        "migration",
        "expiry",
        "expiration",
        "exp",
        "valid thru",
        "notbefore",
        "notafter",
        "copyright",
        "patch",
        "build",
        "fell",
        "sank",
        "sealed",
        "landed on the moon",
        "war",
        "founded",
        "independence",
        "reunification",
        "revolution",
        "historical",
        "built",
        "promo",
        // a form's or document's revision date ("Form rev. 11/2023"; "Rev." alone
        // may be a reverend)
        "form rev",
        "revision",
        "revised",
        // dates set for everyone, not for one person
        "general meeting",
        "agm",
        "all employees",
        "all staff",
        "all attendees",
        "winter break",
        "spring break",
        "summer break",
        "supported until",
        "supported through",
        "valid from",
        "valid through",
        "timetable",
        "thanksgiving",
        "christmas",
        "weihnachten",
        "noël",
        "navidad",
        "natale",
        "kerst",
        "easter",
        "ostern",
        "pâques",
        "pascua",
        "pasqua",
        "toussaint",
        "half term",
        "half-term",
        // rules and terms that apply to everyone from a date
        "conditions",
        "condiciones",
        "condizioni",
        "condições",
        "bedingungen",
        "voorwaarden",
        "zasady",
        "regulamin",
        "new rules",
        "as of",
        "saldo",
        "dividend",
        "shareholders",
        "record date",
        // a column's default in a schema
        "default",
        // a system's record of when it made something
        "automatically",
        "automatisch",
        "automáticamente",
        "automaticamente",
        "automatycznie",
        "automatiquement",
        "by the system",
        "par le système",
        "erstellt",
        "créé",
        "creado",
        "creato",
        "utworzone",
        "aangemaakt",
        // a timeline of history
        "timeline",
        "tijdlijn",
        "zeitleiste",
        "chronologie",
        "cronología",
        "cronologia",
        "年表",
        "ramadan",
        "رمضان",
        // a company's pay calendar, use-by dates, revolutions, foundings, national days
        "pay dates",
        // planned works
        "works start",
        "works begin",
        "planned works",
        "fieldwork",
        "use by",
        "best before",
        "verwendbar bis",
        "použitelné do",
        "revolution",
        "revoluc",
        "revoluç",
        "révolution",
        "rewolucj",
        "成立",
        "national day",
        "nationaldag",
        "midsommar",
        // listings and open houses, reports, school-wide days, pay and tax periods
        "open for inspection",
        "open house",
        "inspection",
        "generated",
        "all students",
        "all pupils",
        "all residents",
        "all members",
        "for the year to",
        "year ending",
        "year ended",
        "pay period",
        "periodo de facturación",
        "período de facturación",
        "마감",
        "締切",
        "締め切り",
        "截止",
        // laws in force, fixtures, earnings, forecasts, statements, sales
        "applied since",
        "applies since",
        "in force since",
        "fixture",
        "matchday",
        "jornada",
        "rodada",
        "earnings",
        "expire",
        "forecast",
        "prognos för",
        "väderprognos",
        "statement period",
        "billing period",
        "on sale",
        "a la venta",
        "presale",
        "pre-sale",
        "tutup",
        // a service switched off, and deadlines in other languages
        "switched off",
        "shut down",
        "decommission",
        "frist",
        "plazo",
        "prazo",
        "date limite",
        "date-limite",
        "scadenza",
        "offer valid",
        "valid until",
        "financial year",
        "fiscal year",
        "tax year",
        "lancement",
        "sehingga",
        "tawaran",
        // other languages: laws coming into force, public holidays, history
        "gesetz",
        "in kraft",
        "loi ",
        "en vigueur",
        "décret",
        "jour férié",
        "ley ",
        "en vigor",
        "decreto",
        "legge",
        "in vigore",
        "entra em vigor",
        "feriado",
        "in werking",
        "feestdag",
        "ustaw",
        "w życie",
        "rozporządzen",
        "święt",
        "dni wolne",
        "kanun",
        "yürürlü",
        "yönetmeli",
        "resmi tatil",
        "bayram",
        "zákon",
        "účinnost",
        "svátek",
        "закон",
        "в силу",
        "чинності",
        "праздник",
        "свято",
        "undang-undang",
        "berlaku",
        "libur",
        "proklamasi",
        "kemerdekaan",
        "незалежност",
        "независимост",
        "luật",
        "hiệu lực",
        "nghỉ lễ",
        "tết",
        "νόμο",
        "ψηφίστηκε",
        "ισχύ",
        "αργία",
        "rendelet",
        "törvény",
        "hatály",
        "ünnep",
        "határidő",
        "intră în vigoare",
        "sărbătoare",
        "träder i kraft",
        "træder i kraft",
        "helligdag",
        "helgdag",
        "voimaan",
        "قانون",
        "عطلة رسمية",
        "اليوم الوطني",
        "कानून",
        "अधिनियम",
        "गणतंत्र",
        "स्वतंत्रता",
        "法律",
        "施行",
        "祝日",
        "节假日",
        "法定",
        "공휴일",
    ],
    60,
    25,
);

/// Context that makes a lone time personal.
static APPOINTMENT: ContextRule = ContextRule::in_clause(
    &[
        "appointment",
        "appt",
        "meeting",
        // with the space: whole words, not "meetup", "tripped"
        "meet ",
        "trip ",
        "1:1",
        "call",
        "visit",
        "dinner",
        "lunch",
        "interview",
        "pick up",
        "pickup",
        "arrive",
        "arrival",
        "depart",
        "departure",
        "dep",
        "arr",
        "leaves",
        "check-in",
        "surgery",
        "session",
        "flight",
        "move",
        "moved",
        "reschedule",
        "rescheduled",
        "dentist",
        "doctor",
        "termin",
        "rendez-vous",
        "cita",
        "consulta",
        "afspraak",
        // travel and deliveries, in other languages too
        "land",
        "lands",
        "fly",
        "departs",
        "arrives",
        "arriving",
        "delivery",
        "delivered",
        "vertrek",
        "aankomst",
        "partida",
        "chegada",
        "salida",
        "llegada",
        "départ",
        "arrivée",
        "abflug",
        "ankunft",
        "wylot",
        "przylot",
        "partenza",
        "arrivo",
        "livré",
        "livraison",
        "zugestellt",
        "lieferung",
        "entrega",
        "consegna",
        "bezorgd",
        "dostawa",
        "home",
        "zu hause",
    ],
    &[
        "cron",
        "log",
        "timeout",
        "every",
        "daily",
        "utc",
        "gmt",
        // a public schedule: opening, visiting and office hours, an event's agenda
        "hours",
        "open",
        "opens",
        "closes",
        "each day",
        "every day",
        "weekdays",
        "mon–fri",
        "mon-fri",
        "agenda",
        "keynote",
        "registration",
        "panel",
        "attendees",
        "timetable",
        // opening hours and public tours in other languages
        "ouvre",
        "ouvert",
        "horaires",
        "aperto",
        "aperta",
        "apre",
        "orari",
        "abre",
        "abierto",
        "abierta",
        "aberto",
        "aberta",
        "geöffnet",
        "öffnet",
        "geopend",
        "otwarte",
        "czynne",
        "guided tours",
        "visites guidées",
        "visite guidate",
        "visitas guiadas",
        "führungen",
        "rondleidingen",
        // an operations role, not a phone call; a house rule
        "on-call",
        "oncall",
        "no calls",
        "no phone calls",
        // open houses and viewings
        "open house",
        "inspection",
        "visitas",
    ],
    40,
    10,
);

/// Date and time detector.
#[derive(Debug)]
pub struct DateDetector {
    /// Every month name. A month counts only as a whole word (`written_date`
    /// rejects one with a letter on either side), so the words of the text are
    /// looked up instead of searching for names inside words.
    /// Each name's month and whether it counts only with a year
    /// ([`ABBREVIATIONS_WITH_YEAR`]).
    month_names: WordTable<(u32, bool)>,
    name: Arc<str>,
}

impl DateDetector {
    pub fn new() -> Result<Self, BuildError> {
        Ok(DateDetector {
            month_names: WordTable::new(
                MONTHS
                    .iter()
                    .map(|&(w, m)| (w, (m, false)))
                    .chain(ABBREVIATIONS_WITH_YEAR.iter().map(|&(w, m)| (w, (m, true)))),
            ),
            name: Arc::from("pattern:date"),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    /// A calendar date (maybe with a time of day to the minute).
    Date,
    /// A date with a time to the second, or in ISO `T` form: how systems write
    /// timestamps.
    Timestamp,
    /// A month and year ("May 2021", "05/2021"): less specific, same rules.
    MonthYear,
    /// A form that is a date only when context says so: compact `19700315`, a
    /// day and month with a trailing dot (`21.06.`).
    Weak,
}

/// One date candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cand {
    start: usize,
    end: usize,
    shape: Shape,
}

impl Detector for DateDetector {
    fn name(&self) -> &str {
        "dates"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        if !input.has(Feature::Digit) {
            return;
        }
        let text = input.text();
        let b = text.as_bytes();
        let mut dates: Vec<Cand> = Vec::new();
        numeric_dates(input, &mut dates);
        for (start, end, (month, year_only)) in self.month_names.find_words(b, is_letter) {
            if let Some(c) = written_date(b, start, end, month, year_only) {
                dates.push(c);
            }
        }
        if input.has(Feature::NonAscii) {
            cjk_dates(text, &mut dates);
            vietnamese_dates(text, &mut dates);
        }
        ordinal_days(text, input.lowercase(), &mut dates);
        // Longest first at each start; drop candidates inside an earlier one.
        dates.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
        let mut kept: Vec<Cand> = Vec::with_capacity(dates.len());
        for c in dates {
            if kept.last().is_some_and(|k| c.start < k.end) {
                continue;
            }
            kept.push(c);
        }
        for c in &mut kept {
            extend(b, c);
        }

        // Score; a date decided by nothing inherits from the list or range it is in.
        let mut scored: Vec<(usize, usize, f32)> = Vec::new();
        let mut prev: Option<(usize, f32)> = None;
        for c in &kept {
            let (mut score, decided) = score_date(input, c);
            if !decided {
                if let Some((prev_end, prev_score)) = prev {
                    if prev_end <= c.start
                        && (is_list_joiner(&text[prev_end..c.start])
                            || (prev_score < 0.5 && same_enumeration(&text[prev_end..c.start])))
                    {
                        score = prev_score;
                    }
                }
            }
            prev = Some((c.end, score));
            scored.push((c.start, c.end, score));
            out.push(Finding {
                start: c.start,
                end: c.end,
                label: Label::DateTime,
                score,
                detector: self.name.clone(),
            });
        }

        let times_possible = input.has(Feature::DigitColonDigit)
            || input.has(Feature::Meridiem)
            || text.contains('h')
            || text.contains('.')
            || input.has(Feature::NonAscii);
        if !times_possible {
            return;
        }
        let mut times = find_times(b);
        if input.has(Feature::NonAscii) {
            times.extend(cjk_times(text));
            times.sort_by_key(|t| t.start);
        }
        let mut prev_time: Option<(usize, f32)> = None;
        // `kept` and `scored` are sorted by position and disjoint: each time looks
        // only at the dates next to it (binary search), not at every date.
        for t in times {
            let next = kept.partition_point(|c| c.end <= t.start);
            if kept.get(next).is_some_and(|c| c.start < t.end) {
                continue;
            }
            // A time joined to a date shares its verdict: "on 5 May at 10:30" is
            // personal, "the call closes on 16 September at 17:00" is not.
            // Or the date right after it: "admitted at 21:15 on 03/03/2025".
            let before_from = scored.partition_point(|&(_, de, _)| de < t.start.saturating_sub(20));
            let before_to = scored.partition_point(|&(_, de, _)| de <= t.start);
            let after_from = scored.partition_point(|&(ds, _, _)| ds < t.end);
            let near_date = scored[before_from..before_to.max(before_from)]
                .iter()
                .find(|&&(_, de, _)| is_joiner(&text[de..t.start]))
                .or_else(|| {
                    scored[after_from..]
                        .iter()
                        .take_while(|&&(ds, _, _)| ds - t.end <= 12)
                        .find(|&&(ds, _, _)| is_date_joiner(&text[t.end..ds]))
                });
            let score = if t.seconds {
                0.2
            } else if let Some(&(_, _, date_score)) = near_date {
                if date_score >= 0.5 {
                    0.85
                } else {
                    0.2
                }
            } else {
                match prev_time {
                    Some((pe, ps)) if pe <= t.start && is_list_joiner(&text[pe..t.start]) => ps,
                    _ => match evidence(text, t.start, t.end, &APPOINTMENT) {
                        Evidence::Supports => 0.7,
                        _ if t.needs_cue => 0.0,
                        _ => 0.2,
                    },
                }
            };
            prev_time = Some((t.end, score));
            if score <= 0.0 {
                continue;
            }
            out.push(Finding {
                start: t.start,
                end: t.end,
                label: Label::DateTime,
                score,
                detector: self.name.clone(),
            });
        }
    }
}

// ---------------------------------------------------------------- candidates

/// Numeric dates from the number runs: D/M/Y, M/D/Y, ISO Y-M-D (with an optional
/// time making it a timestamp), M/YYYY, compact YYYYMMDD, `D. M. YYYY`, `DD.MM.`.
fn numeric_dates(input: &ScanInput<'_>, dates: &mut Vec<Cand>) {
    let text = input.text();
    let b = text.as_bytes();
    for run in input.number_runs() {
        for sub in run.subs(3) {
            let (start, end) = sub.span();
            let s = &text[start..end];
            if name_suffix(b, start) {
                continue;
            }
            let sep = sub.separator();
            let standalone = sub.is_standalone(text);
            let iso = sub.len() == 3
                && sub.shape_fits(&[4, 2, 2])
                && sub.group_lengths().next() == Some(4)
                && (matches!(sep, Some(Some(b'-' | b'/'))) || year_first_dotted(b, &sub))
                && valid_iso(s);
            if iso {
                // "2024-03-15T14:30:00Z" is glued to its time: one timestamp.
                let glued_ok = start == 0 || !b[start - 1].is_ascii_alphanumeric();
                if standalone || (glued_ok && ends_before_time(b, end)) {
                    dates.push(Cand {
                        start,
                        end,
                        shape: Shape::Date,
                    });
                }
                continue;
            }
            if preceded_by_version_marker(b, start) {
                continue;
            }
            if sub.len() == 1 && sub.shape_is(&[8]) {
                // Compact 19700315 (HL7, ICS), maybe with a T time glued on.
                let t_time = b.get(end) == Some(&b'T')
                    && b.get(end + 1).is_some_and(u8::is_ascii_digit)
                    && (start == 0 || !b[start - 1].is_ascii_alphanumeric());
                if (standalone || t_time) && valid_compact(s) {
                    dates.push(Cand {
                        start,
                        end,
                        shape: Shape::Weak,
                    });
                }
                continue;
            }
            // An HL7 v2 date-time field: 202404070022 (minutes), 20240407002215.
            if sub.len() == 1 && (sub.shape_is(&[12]) || sub.shape_is(&[14])) {
                let field = start > 0
                    && b[start - 1] == b'|'
                    && matches!(b.get(end), None | Some(b'|' | b'^' | b'\r' | b'\n'));
                let clock = |i: usize, max: u32| parse(&b[start + i..start + i + 2]) < max;
                if field && valid_compact(&s[..8]) && clock(8, 24) && clock(10, 60) {
                    dates.push(Cand {
                        start,
                        end,
                        shape: Shape::Weak,
                    });
                }
                continue;
            }
            if sub.len() == 1 && sub.shape_is(&[4]) && standalone {
                if let Some(e) = year_first_spaced(b, start) {
                    dates.push(Cand {
                        start,
                        end: e,
                        shape: Shape::Date,
                    });
                    continue;
                }
            }
            if sub.len() == 1 && sub.shape_fits(&[2]) && standalone {
                if let Some(e) = dotted_spaced(b, start) {
                    dates.push(Cand {
                        start,
                        end: e,
                        shape: Shape::Date,
                    });
                }
                continue;
            }
            // "21.06." ends with a dot the run does not take.
            if sub.len() == 2
                && sub.shape_fits(&[2, 2])
                && sep == Some(Some(b'.'))
                && day_month_dot(b, start, end)
                && s.split_once('.')
                    .is_some_and(|(d, m)| valid_day(None, parse(m.as_bytes()), parse(d.as_bytes())))
            {
                dates.push(Cand {
                    start,
                    end: end + 1,
                    shape: Shape::Weak,
                });
                continue;
            }
            if !standalone {
                continue;
            }
            if sub.len() == 3 && matches!(sep, Some(Some(b'/' | b'.' | b'-'))) && valid_numeric(s) {
                dates.push(Cand {
                    start,
                    end,
                    shape: Shape::Date,
                });
            } else if (sub.shape_is(&[2, 4]) || sub.shape_is(&[1, 4]))
                && sep == Some(Some(b'/'))
                && valid_month_year(s)
            {
                dates.push(Cand {
                    start,
                    end,
                    shape: Shape::MonthYear,
                });
            }
        }
    }
}

/// Whether a number at `start` is the dated suffix of a name: a dash glued to a
/// part of a name with letters ("gpt-4o-2024-08-06", "o3-mini-2025-01-31",
/// "claude-3-5-sonnet-20241022"), a model's or a build's release, not a date of
/// anyone's. A date after a date ("2024-01-01-2024-12-31") is no suffix.
fn name_suffix(b: &[u8], start: usize) -> bool {
    if start < 2 || b[start - 1] != b'-' {
        return false;
    }
    let word_len = b[..start - 1]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'.')
        .count();
    let word = &b[start - 1 - word_len..start - 1];
    // A part of a longer name ("4o", "mini" after "o3-"), not a label ("DOB-…").
    let part_of_name = word.iter().any(u8::is_ascii_digit)
        || (start - 1 > word_len && b[start - 2 - word_len] == b'-');
    word.iter().any(u8::is_ascii_alphabetic) && part_of_name
}

fn parse(digits: &[u8]) -> u32 {
    digits
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .fold(0u32, |acc, &c| {
            acc.saturating_mul(10).saturating_add(u32::from(c - b'0'))
        })
}

/// `DD.MM.` followed by a non-digit ("am 21.06. Geburtstag"), not a version
/// ("1.2.") or a price.
fn day_month_dot(b: &[u8], start: usize, end: usize) -> bool {
    let before_ok = start == 0 || !(b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'.');
    let after_ok =
        b.get(end) == Some(&b'.') && b.get(end + 1).is_none_or(|c| !c.is_ascii_alphanumeric());
    before_ok && after_ok
}

/// `D. M. YYYY` (Czech, Slovak, Polish, Hungarian spacing) starting at the day.
fn dotted_spaced(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    let mut parts = [0u32; 3];
    for (k, part) in parts.iter_mut().enumerate() {
        let ds = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let len = i - ds;
        let want = if k == 2 { 4..=4 } else { 1..=2 };
        if !want.contains(&len) {
            return None;
        }
        *part = parse(&b[ds..i]);
        if k < 2 {
            if b.get(i) != Some(&b'.') || b.get(i + 1) != Some(&b' ') {
                return None;
            }
            i += 2;
        }
    }
    let after_ok = b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
    (after_ok && valid_year(parts[2]) && valid_day(Some(parts[2]), parts[1], parts[0])).then_some(i)
}

/// Year first with dots and spaces, as Hungarian and Korean dates are written:
/// "1973. 10. 27.", "2003. 7. 18.". The span ends before the last dot, as other
/// dates' spans end before a full stop: were the dot inside, redacting the date
/// would remove a clause break the context rules read, and a second scan of the
/// redacted text would judge the next date differently. Returns the end.
fn year_first_spaced(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    let mut parts = [0u32; 3];
    for (k, part) in parts.iter_mut().enumerate() {
        let ds = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let want = if k == 0 { 4..=4 } else { 1..=2 };
        if !want.contains(&(i - ds)) {
            return None;
        }
        *part = parse(&b[ds..i]);
        if k < 2 {
            if b.get(i) != Some(&b'.') || b.get(i + 1) != Some(&b' ') {
                return None;
            }
            i += 2;
        }
    }
    let after_ok = b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
    (after_ok && valid_year(parts[0]) && valid_day(Some(parts[0]), parts[1], parts[2])).then_some(i)
}

fn valid_compact(s: &str) -> bool {
    let b = s.as_bytes();
    let (y, m, d) = (parse(&b[..4]), parse(&b[4..6]), parse(&b[6..8]));
    valid_year(y) && valid_day(Some(y), m, d)
}

fn is_letter(c: u8) -> bool {
    c.is_ascii_alphabetic() || c >= 0x80
}

/// A written-out date around the month name at `[ms, me)`.
/// With `year_only` (an abbreviation that is also a word: "ago", "set", "out"),
/// only a form with a four-digit year counts.
fn written_date(b: &[u8], ms: usize, me: usize, month: u32, year_only: bool) -> Option<Cand> {
    if (ms > 0 && is_letter(b[ms - 1])) || b.get(me).is_some_and(|&c| is_letter(c)) {
        return None;
    }
    // Airline and military style, glued: 14MAR1990, 5-MAY-2021 is handled below.
    let digit_left = ms > 0 && b[ms - 1].is_ascii_digit();
    let digit_right = b.get(me).is_some_and(u8::is_ascii_digit);
    if digit_left || digit_right {
        return if year_only {
            None
        } else {
            glued_date(b, ms, me, month)
        };
    }
    let dot = b.get(me) == Some(&b'.');
    let after_month = me + usize::from(dot);
    if let Some((start, day)) = day_before(b, ms) {
        // Thai dates count years in the Buddhist era: "5 มีนาคม 2528" (1985).
        if let Some(end) = buddhist_year_after(b, ms, after_month) {
            return valid_day(None, month, day).then_some(Cand {
                start,
                end,
                shape: Shape::Date,
            });
        }
        return match year_after(b, after_month) {
            Some((_, None)) if year_only => None,
            Some((end, year)) if valid_day(year, month, day) => Some(Cand {
                start,
                end,
                shape: Shape::Date,
            }),
            // Without a year the span ends at the month: "on 23 Feb." keeps its stop.
            // A year out of range after it ("sealed on 15 June 1215") makes it
            // history, not a day without a year.
            None => nineteenth_century_date(b, start, after_month, month, day).or_else(|| {
                (!year_only && valid_day(None, month, day) && !year_like_after(b, after_month))
                    .then_some(Cand {
                        start,
                        end: me,
                        shape: Shape::Date,
                    })
            }),
            _ => None,
        };
    }
    if let Some((day_end, day)) = day_after(b, after_month) {
        let year_after_day = year_after(b, day_end);
        if year_after_day.is_none() {
            if let Some(c) = nineteenth_century_date(b, ms, day_end, month, day) {
                return Some(c);
            }
        }
        let (start, end, year) = match (year_after_day, year_before(b, ms)) {
            (Some((e, y)), _) => (ms, e, y),
            // Year first, as Hungarian dates are written: "1979. március 4."
            // (the span ends before the day's dot, see `year_first_spaced`).
            (None, Some((ys, y))) => (ys, day_end, Some(y)),
            (None, None) if year_like_after(b, day_end) => return None,
            (None, None) => (ms, day_end, None),
        };
        if year_only && year.is_none() {
            return None;
        }
        return valid_day(year, month, day).then_some(Cand {
            start,
            end,
            shape: Shape::Date,
        });
    }
    // Month and year: "May 2021", "Sept. 2019", "März-2020".
    if year_only {
        return None;
    }
    let sep = *b.get(after_month)?;
    if !matches!(sep, b' ' | b'-') {
        return None;
    }
    let (end, year) = four_digits(b, after_month + 1)?;
    valid_year(year).then_some(Cand {
        start: ms,
        end,
        shape: Shape::MonthYear,
    })
}

/// `14MAR1990`, `5MAY21`: digits, a three-letter month, digits, as one token.
fn glued_date(b: &[u8], ms: usize, me: usize, month: u32) -> Option<Cand> {
    if me - ms != 3 {
        return None;
    }
    let mut ds = ms;
    while ds > 0 && b[ds - 1].is_ascii_digit() && ms - ds < 3 {
        ds -= 1;
    }
    let mut ye = me;
    while ye < b.len() && b[ye].is_ascii_digit() && ye - me < 5 {
        ye += 1;
    }
    let left_ok = ds == 0 || !b[ds - 1].is_ascii_alphanumeric();
    let right_ok = ye >= b.len() || !b[ye].is_ascii_alphanumeric();
    let (dl, yl) = (ms - ds, ye - me);
    // An itinerary's "12MAR" (day and capitals, no year) needs a cue: it is weak.
    let upper = b[ms..me].iter().all(u8::is_ascii_uppercase);
    if left_ok && right_ok && (1..=2).contains(&dl) && yl == 0 && upper {
        let day = parse(&b[ds..ms]);
        return valid_day(None, month, day).then_some(Cand {
            start: ds,
            end: me,
            shape: Shape::Weak,
        });
    }
    if !(left_ok && right_ok && (1..=2).contains(&dl) && (yl == 2 || yl == 4)) {
        return None;
    }
    let day = parse(&b[ds..ms]);
    let year = parse(&b[me..ye]);
    let year = if yl == 4 {
        if !valid_year(year) {
            return None;
        }
        Some(year)
    } else {
        None
    };
    valid_day(year, month, day).then_some(Cand {
        start: ds,
        end: ye,
        shape: Shape::Date,
    })
}

/// The day written before a month name: "14 March", "14. März", "1er septembre",
/// "3rd of May", "15 de marzo", "5-MAY". Returns (start, day).
fn day_before(b: &[u8], ms: usize) -> Option<(usize, u32)> {
    let mut i = ms;
    if i > 0 && b[i - 1] == b'-' {
        i -= 1;
    } else {
        let spaces = b[..i].iter().rev().take_while(|&&c| c == b' ').count();
        if spaces == 0 {
            return None;
        }
        i -= spaces;
        // "3rd of May", "15 de marzo"
        for w in [&b"of"[..], b"de"] {
            if i >= 3 && b[i - 2..i].eq_ignore_ascii_case(w) && b[i - 3] == b' ' {
                i -= 3;
                while i > 0 && b[i - 1] == b' ' {
                    i -= 1;
                }
                break;
            }
        }
    }
    // Ordinal suffix or a dot right after the digits.
    if i > 0 && b[i - 1] == b'.' {
        i -= 1;
    } else {
        for suffix in [&b"st"[..], b"nd", b"rd", b"th", b"er", "º".as_bytes()] {
            if i > suffix.len()
                && b[i - suffix.len()..i].eq_ignore_ascii_case(suffix)
                && b[i - suffix.len() - 1].is_ascii_digit()
            {
                i -= suffix.len();
                break;
            }
        }
    }
    let de = i;
    while i > 0 && b[i - 1].is_ascii_digit() && de - i < 3 {
        i -= 1;
    }
    let len = de - i;
    let before_ok =
        i == 0 || !(b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'.' | b','));
    ((1..=2).contains(&len) && before_ok).then(|| (i, parse(&b[i..de])))
}

/// The day written after a month name: "March 4", "Mar  1", "Sept 3rd".
/// Returns (end, day).
fn day_after(b: &[u8], pos: usize) -> Option<(usize, u32)> {
    let spaces = b[pos..].iter().take_while(|&&c| c == b' ').count();
    if !(1..=2).contains(&spaces) {
        return None;
    }
    let ds = pos + spaces;
    let mut i = ds;
    while i < b.len() && b[i].is_ascii_digit() && i - ds < 3 {
        i += 1;
    }
    if !(1..=2).contains(&(i - ds)) {
        return None;
    }
    let day = parse(&b[ds..i]);
    let mut end = i;
    for suffix in [&b"st"[..], b"nd", b"rd", b"th"] {
        if b.len() >= end + 2 && b[end..end + 2].eq_ignore_ascii_case(suffix) {
            end += 2;
            break;
        }
    }
    // Not the start of a longer number, a time ("May 5:30") or a word.
    let next = b.get(end).copied().unwrap_or(b' ');
    let next2 = b.get(end + 1).copied().unwrap_or(b' ');
    if next.is_ascii_alphanumeric()
        || (matches!(next, b':' | b'.' | b'/') && next2.is_ascii_digit())
    {
        return None;
    }
    Some((end, day))
}

/// The end of a Buddhist-era year (2443–2643, i.e. 1900–2100) after a Thai month
/// name at `ms`.
fn buddhist_year_after(b: &[u8], ms: usize, pos: usize) -> Option<usize> {
    let thai = b.get(ms) == Some(&0xE0) && matches!(b.get(ms + 1), Some(0xB8 | 0xB9));
    if !thai || b.get(pos) != Some(&b' ') {
        return None;
    }
    let (end, year) = four_digits(b, pos + 1)?;
    (2443..=2643).contains(&year).then_some(end)
}

/// A year written right before a month name with its dot, as Hungarian dates
/// are: "1979. március". Without the dot ("In 2025 set 12 goals") a year before a
/// month word is prose. Returns (start, year).
fn year_before(b: &[u8], ms: usize) -> Option<(usize, u32)> {
    let i = ms.checked_sub(2)?;
    if b[i + 1] != b' ' || b[i] != b'.' {
        return None;
    }
    let ys = i.checked_sub(4)?;
    let glued = ys > 0 && (b[ys - 1].is_ascii_alphanumeric() || b"./-:".contains(&b[ys - 1]));
    if glued || !b[ys..i].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year = parse(&b[ys..i]);
    valid_year(year).then_some((ys, year))
}

/// A year after a date: `, 2025`, ` 2025`, ` de 1990`, `-2021`, `-21`.
/// Returns (end, Some(year)) or (end, None) for a two-digit year.
fn year_after(b: &[u8], pos: usize) -> Option<(usize, Option<u32>)> {
    year_after_within(b, pos, valid_year)
}

/// A day and month starting at `start` whose year, after `pos`, is of the
/// 1800s ("born August 26, 1898"): a genealogy's or a history's date, so a weak
/// candidate that only a personal word makes a date.
fn nineteenth_century_date(
    b: &[u8],
    start: usize,
    pos: usize,
    month: u32,
    day: u32,
) -> Option<Cand> {
    if !valid_day(None, month, day) {
        return None;
    }
    match year_after_within(b, pos, |y| (1800..1900).contains(&y))? {
        (end, Some(_)) => Some(Cand {
            start,
            end,
            shape: Shape::Weak,
        }),
        (_, None) => None,
    }
}

/// [`year_after`] with the years `valid` accepts.
fn year_after_within(
    b: &[u8],
    pos: usize,
    valid: impl Fn(u32) -> bool,
) -> Option<(usize, Option<u32>)> {
    let mut i = pos;
    if b.get(i) == Some(&b'-') {
        let ds = i + 1;
        let mut e = ds;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        let after_ok = e >= b.len() || !b[e].is_ascii_alphanumeric();
        return match e - ds {
            4 if after_ok && valid(parse(&b[ds..e])) => Some((e, Some(parse(&b[ds..e])))),
            2 if after_ok => Some((e, None)),
            _ => None,
        };
    }
    if b.get(i) == Some(&b',') {
        i += 1;
    }
    let spaces = b[i..].iter().take_while(|&&c| c == b' ').count();
    if spaces == 0 || spaces > 2 {
        return None;
    }
    i += spaces;
    for w in [&b"de "[..], b"del "] {
        if b.len() >= i + w.len() && b[i..i + w.len()].eq_ignore_ascii_case(w) {
            i += w.len();
            break;
        }
    }
    let (e, y) = four_digits(b, i)?;
    valid(y).then_some((e, Some(y)))
}

/// Whether a number that could only be a year follows at `pos` (after an
/// optional comma and one or two spaces): three or four digits, not a time.
fn year_like_after(b: &[u8], pos: usize) -> bool {
    let mut i = pos;
    if b.get(i) == Some(&b',') {
        i += 1;
    }
    let spaces = b
        .get(i..)
        .map_or(0, |r| r.iter().take_while(|&&c| c == b' ').count());
    if !(1..=2).contains(&spaces) {
        return false;
    }
    i += spaces;
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    (3..=4).contains(&digits)
        && !matches!(b.get(i + digits), Some(b':' | b'.' | b'/'))
        && !b.get(i + digits).is_some_and(u8::is_ascii_alphanumeric)
}

/// Exactly four digits at `pos`, not followed by a digit or a time (`:`).
fn four_digits(b: &[u8], pos: usize) -> Option<(usize, u32)> {
    let e = pos + 4;
    if e > b.len() || !b[pos..e].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let next = b.get(e).copied().unwrap_or(b' ');
    if next.is_ascii_alphanumeric()
        || (next == b':' && b.get(e + 1).is_some_and(u8::is_ascii_digit))
    {
        return None;
    }
    Some((e, parse(&b[pos..e])))
}

/// Vietnamese dates name the month by its number: "ngày 8 tháng 4 năm 2025",
/// "4 tháng 7, 1948", "27 thg 3, 1943", "8 tháng 4" (day, "tháng" or its
/// abbreviation "thg", month, then the year after "năm" or a comma). The word
/// "ngày" (day) before the day belongs to the date.
fn vietnamese_dates(text: &str, dates: &mut Vec<Cand>) {
    let b = text.as_bytes();
    for word in ["tháng", "thg"] {
        for (pos, _) in text.match_indices(word) {
            let we = pos + word.len();
            // Whole word, one space on each side.
            if pos < 2 || b[pos - 1] != b' ' || b.get(we) != Some(&b' ') {
                continue;
            }
            let Some((ds, day)) = digits_before(b, pos - 1, 1..=2) else {
                continue;
            };
            let ms = we + 1;
            let me = ms
                + b[ms..]
                    .iter()
                    .take(3)
                    .take_while(|c| c.is_ascii_digit())
                    .count();
            if !(1..=2).contains(&(me - ms)) || b.get(me).is_some_and(u8::is_ascii_digit) {
                continue;
            }
            let month = parse(&b[ms..me]);
            let rest = &text[me..];
            let year = [", ", " năm ", ", năm "].iter().find_map(|sep| {
                let r = rest.strip_prefix(sep)?;
                let (e, y) = four_digits(r.as_bytes(), 0)?;
                valid_year(y).then_some((me + sep.len() + e, y))
            });
            let (end, year) = match year {
                Some((e, y)) => (e, Some(y)),
                None => (me, None),
            };
            let start = text[..ds].strip_suffix("ngày ").map_or(ds, |p| p.len());
            if valid_day(year, month, day) {
                dates.push(Cand {
                    start,
                    end,
                    shape: Shape::Date,
                });
            }
        }
    }
}

/// The digits right before `pos`, as many as `lens` allows and not part of a
/// longer number: (start, value).
fn digits_before(
    b: &[u8],
    pos: usize,
    lens: std::ops::RangeInclusive<usize>,
) -> Option<(usize, u32)> {
    let n = b[..pos]
        .iter()
        .rev()
        .take(lens.end() + 1)
        .take_while(|c| c.is_ascii_digit())
        .count();
    lens.contains(&n)
        .then(|| (pos - n, parse(&b[pos - n..pos])))
}

/// `1985年4月12日`, `2025年6月18日`, `1990년 5월 3일`, and without the year
/// (`4月18日`, `3월 4일`).
fn cjk_dates(text: &str, dates: &mut Vec<Cand>) {
    let b = text.as_bytes();
    for (month_mark, day_mark) in [("月", "日"), ("월", "일")] {
        for (pos, _) in text.match_indices(month_mark) {
            let Some((ms, month)) = digits_before(b, pos, 1..=2) else {
                continue;
            };
            let mut ds = pos + month_mark.len();
            if b.get(ds) == Some(&b' ') {
                ds += 1;
            }
            let mut de = ds;
            while de < b.len() && b[de].is_ascii_digit() && de - ds < 2 {
                de += 1;
            }
            if de == ds || !text[de..].starts_with(day_mark) {
                continue;
            }
            // With a year in front, the full form below takes it.
            let year_mark = if month_mark == "月" { "年" } else { "년" };
            let before = text[..ms].trim_end_matches(' ');
            if before.ends_with(year_mark) {
                continue;
            }
            // Without a year it is as often a holiday or a closure: it needs a cue.
            if valid_day(None, month, parse(&b[ds..de])) {
                dates.push(Cand {
                    start: ms,
                    end: de + day_mark.len(),
                    shape: Shape::Weak,
                });
            }
        }
    }
    for (marker, month_mark, day_mark) in [("年", "月", "日"), ("년", "월", "일")] {
        for (pos, _) in text.match_indices(marker) {
            let Some((ys, year)) = digits_before(b, pos, 4..=4) else {
                continue;
            };
            let mut i = pos + marker.len();
            let mut fields = [0u32; 2];
            let mut ok = true;
            for (k, mark) in [month_mark, day_mark].iter().enumerate() {
                if b.get(i) == Some(&b' ') {
                    i += 1;
                }
                let ds = i;
                while i < b.len() && b[i].is_ascii_digit() && i - ds < 2 {
                    i += 1;
                }
                if i == ds || !text[i..].starts_with(mark) {
                    ok = false;
                    break;
                }
                fields[k] = parse(&b[ds..i]);
                i += mark.len();
            }
            if ok && valid_year(year) && valid_day(Some(year), fields[0], fields[1]) {
                dates.push(Cand {
                    start: ys,
                    end: i,
                    shape: Shape::Date,
                });
            }
        }
    }
}

// ---------------------------------------------------------------- extension

/// Widen a date over a leading weekday and a following time of day.
fn extend(b: &[u8], c: &mut Cand) {
    if let Some((end, seconds)) = time_after(b, c.end) {
        c.end = end;
        if seconds {
            c.shape = Shape::Timestamp;
        }
        // ctime and syslog write the year after the time: "Mar 4 02:17:09 2025".
        if b.get(end) == Some(&b' ') {
            if let Some((e, y)) = four_digits(b, end + 1) {
                if valid_year(y) {
                    c.end = e;
                }
            }
        }
    }
    if let Some(start) = weekday_before(b, c.start) {
        c.start = start;
    }
    // "18 Mar 2025 (Tue)": the weekday in brackets after it.
    if let Some(end) = weekday_in_brackets_after(b, c.end) {
        c.end = end;
    }
}

/// The end of a bracketed weekday name right after `end`: " (Tue)", " (Tuesday)".
fn weekday_in_brackets_after(b: &[u8], end: usize) -> Option<usize> {
    let rest = b.get(end..)?;
    let inner = rest.strip_prefix(b" (")?;
    let close = inner.iter().take(16).position(|&c| c == b')')?;
    let word = &inner[..close];
    WEEKDAYS
        .iter()
        .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
        .then_some(end + 2 + close + 1)
}

/// A time glued to a date: ISO `T14:30[:00[.123]][Z|±hh:mm]`, compact `T093000`,
/// or one space and `14:30[:00]` (with am/pm). Returns (end, has seconds).
fn time_after(b: &[u8], pos: usize) -> Option<(usize, bool)> {
    let sep = *b.get(pos)?;
    if !matches!(sep, b'T' | b' ') || !b.get(pos + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let s = pos + 1;
    if sep == b'T' {
        // Compact: T093000 / T0930.
        let digits = b[s..].iter().take_while(|c| c.is_ascii_digit()).count();
        if (digits == 4 || digits == 6) && b.get(s + 2) != Some(&b':') {
            let e = s + digits;
            let e = if b.get(e) == Some(&b'Z') { e + 1 } else { e };
            return Some((e, digits == 6));
        }
    }
    let (mut e, seconds) = clock(b, s)?;
    if sep == b'T' {
        if b.get(e) == Some(&b'Z') {
            e += 1;
        } else if matches!(b.get(e), Some(b'+' | b'-')) {
            let z = b[e + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || **c == b':')
                .count();
            if (4..=5).contains(&z) {
                e += 1 + z;
            }
        }
        // ISO with a T is a machine's writing even without seconds.
        return Some((e, true));
    }
    let e = meridiem_after(b, e).unwrap_or(e);
    Some((e, seconds))
}

/// `H:MM`, `HH:MM:SS`, `HH:MM:SS.fff` at `s`. Returns (end, has seconds).
fn clock(b: &[u8], s: usize) -> Option<(usize, bool)> {
    let h = b[s..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&h) || b.get(s + h) != Some(&b':') {
        return None;
    }
    let m = s + h + 1;
    if !(b.len() >= m + 2 && b[m].is_ascii_digit() && b[m + 1].is_ascii_digit()) {
        return None;
    }
    if parse(&b[s..s + h]) > 24 || parse(&b[m..m + 2]) > 59 {
        return None;
    }
    let mut e = m + 2;
    let mut seconds = false;
    if b.get(e) == Some(&b':') && b.len() >= e + 3 && b[e + 1..e + 3].iter().all(u8::is_ascii_digit)
    {
        e += 3;
        seconds = true;
        if b.get(e) == Some(&b'.') && b.get(e + 1).is_some_and(u8::is_ascii_digit) {
            e += 1;
            while e < b.len() && b[e].is_ascii_digit() {
                e += 1;
            }
        }
    }
    if b.get(e).is_some_and(|c| c.is_ascii_digit() || *c == b':') {
        return None;
    }
    Some((e, seconds))
}

/// `am`, ` PM`, `a.m.`, ` p.m.` (and German ` Uhr`) right after a time.
fn meridiem_after(b: &[u8], pos: usize) -> Option<usize> {
    let mut i = pos;
    if b.get(i) == Some(&b' ') {
        i += 1;
    }
    let c = b.get(i)? | 0x20;
    if c == b'a' || c == b'p' {
        let dotted = b.get(i + 1) == Some(&b'.') && b.get(i + 2).map(|c| c | 0x20) == Some(b'm');
        if dotted {
            let e = if b.get(i + 3) == Some(&b'.') {
                i + 4
            } else {
                i + 3
            };
            return b
                .get(e)
                .is_none_or(|c| !c.is_ascii_alphanumeric())
                .then_some(e);
        }
        if b.get(i + 1).map(|c| c | 0x20) == Some(b'm')
            && b.get(i + 2).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            return Some(i + 2);
        }
        return None;
    }
    if b.len() >= i + 3
        && &b[i..i + 3] == b"Uhr"
        && b.get(i + 3).is_none_or(|c| !c.is_ascii_alphanumeric())
    {
        return Some(i + 3);
    }
    None
}

/// The start of a weekday name written right before `start` ("Tuesday, ",
/// "Sat, ", "mardi ", "tirsdag den ", "Tue. ").
fn weekday_before(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    let spaces = b[..i].iter().rev().take_while(|&&c| c == b' ').count();
    if spaces == 0 || spaces > 2 {
        return None;
    }
    i -= spaces;
    // "tirsdag den 6. maj", "Saturday the 10th of May"
    for word in [&b"den"[..], b"the"] {
        if i >= 4 && b[i - 3..i].eq_ignore_ascii_case(word) && b[i - 4] == b' ' {
            i -= 4;
            break;
        }
    }
    if i > 0 && b[i - 1] == b',' {
        i -= 1;
    }
    if i > 0 && b[i - 1] == b'.' {
        i -= 1;
    }
    let we = i;
    while i > 0 && (is_letter(b[i - 1]) || b[i - 1] == b'-') {
        i -= 1;
    }
    let word = &b[i..we];
    let boundary = i == 0 || !b[i - 1].is_ascii_alphanumeric();
    (boundary
        && WEEKDAYS
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word)))
    .then_some(i)
}

// ---------------------------------------------------------------- times

/// A time of day found on its own.
#[derive(Debug, Clone, Copy)]
struct Time {
    start: usize,
    end: usize,
    /// To the second: a machine's, unless glued to a date.
    seconds: bool,
    /// A form that is a time only with an appointment cue or next to a date
    /// ("11.15", "15 h").
    needs_cue: bool,
}

/// Chinese, Japanese and Korean times of day: `下午3点`, `3点半`, `15点30分`,
/// `午後3時`, `오후 3시 30분`. A bare `3点` is also a counter ("three items"), so
/// a time needs its half of the day (上午/下午/午後/오후…) or its minutes.
fn cjk_times(text: &str) -> Vec<Time> {
    const PERIODS: &[&str] = &[
        "上午", "下午", "中午", "晚上", "早上", "凌晨", "傍晚", "午前", "午後", "오전", "오후",
    ];
    const HOUR_MARKS: &[&str] = &["点", "點", "時", "时", "시"];
    const MINUTE_MARKS: &[&str] = &["分", "분"];
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (mark_pos, mark) in HOUR_MARKS.iter().flat_map(|m| text.match_indices(m)) {
        let mut hs = mark_pos;
        while hs > 0 && b[hs - 1].is_ascii_digit() && mark_pos - hs < 2 {
            hs -= 1;
        }
        if hs == mark_pos || (hs > 0 && b[hs - 1].is_ascii_digit()) {
            continue;
        }
        if parse(&b[hs..mark_pos]) > 24 {
            continue;
        }
        let before = text[..hs].strip_suffix(' ').unwrap_or(&text[..hs]);
        let period = PERIODS.iter().find(|p| before.ends_with(*p));
        let start = period.map_or(hs, |p| before.len() - p.len());
        let mut end = mark_pos + mark.len();
        let rest = &text[end..];
        let rest_trimmed = rest.strip_prefix(' ').unwrap_or(rest);
        let minute_digits = rest_trimmed.bytes().take_while(u8::is_ascii_digit).count();
        let mut minutes = false;
        if rest.starts_with('半') {
            end += '半'.len_utf8();
            minutes = true;
        } else if (1..=2).contains(&minute_digits) {
            let after = &rest_trimmed[minute_digits..];
            if let Some(m) = MINUTE_MARKS.iter().find(|m| after.starts_with(*m)) {
                end += (rest.len() - rest_trimmed.len()) + minute_digits + m.len();
                minutes = true;
            }
        }
        if period.is_none() && !minutes {
            continue;
        }
        out.push(Time {
            start,
            end,
            seconds: false,
            needs_cue: false,
        });
    }
    out
}

/// Times in `b`: `14:30`, `9:30am`, `3 PM`, `14:30 Uhr`, `10h30`, `15h`, `15 h`,
/// `11.15 uur`, and, after "kl."/"om"/"um"/"à", `10.30`.
fn find_times(b: &[u8]) -> Vec<Time> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit()
            || (i > 0
                && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b':' | b'.' | b',')))
        {
            i += 1;
            continue;
        }
        let s = i;
        let h = b[s..].iter().take_while(|c| c.is_ascii_digit()).count();
        i = s + h;
        if h > 2 {
            continue;
        }
        let hour = parse(&b[s..s + h]);
        if let Some((e, seconds)) = clock(b, s) {
            // Not part of a longer colon-separated code (10:41:07:123) or a ratio.
            let e2 = meridiem_after(b, e);
            let meridiem = e2.is_some_and(|x| b[x - 1] != b'r');
            if meridiem && !(1..=12).contains(&hour) {
                i = e;
                continue;
            }
            out.push(Time {
                start: s,
                end: e2.or_else(|| clock_unit_after(b, e)).unwrap_or(e),
                seconds,
                needs_cue: false,
            });
            i = e;
            continue;
        }
        let next = b.get(i).copied().unwrap_or(b' ');
        // 9am, 3 PM, 8 p.m.
        if let Some(e) = meridiem_after(b, i) {
            if b[e - 1] != b'r' && (1..=12).contains(&hour) {
                out.push(Time {
                    start: s,
                    end: e,
                    seconds: false,
                    needs_cue: false,
                });
                i = e;
                continue;
            }
        }
        // 10h30, 15h, 15 h
        let hpos = if next == b' ' { i + 1 } else { i };
        if hour <= 24 && matches!(b.get(hpos), Some(b'h' | b'H')) {
            // Quebec writes "14 h 30" with spaces on both sides.
            let spaced_minutes = next == b' '
                && b.get(hpos + 1) == Some(&b' ')
                && b.get(hpos + 2..hpos + 4)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit));
            let m = if spaced_minutes { hpos + 2 } else { hpos + 1 };
            let mins = b[m..].iter().take_while(|c| c.is_ascii_digit()).count();
            let e = if mins == 2 && parse(&b[m..m + 2]) < 60 {
                m + 2
            } else {
                m
            };
            if (mins == 0 || mins == 2) && b.get(e).is_none_or(|c| !c.is_ascii_alphanumeric()) {
                out.push(Time {
                    start: s,
                    end: e,
                    seconds: false,
                    needs_cue: mins == 0 || next == b' ',
                });
                i = e;
                continue;
            }
        }
        // 11.15 (uur|Uhr), or after kl./om/um/à
        if next == b'.'
            && b.len() >= i + 3
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
        {
            let e = i + 3;
            let clean_end = b.get(e).is_none_or(|c| {
                !(c.is_ascii_digit() || *c == b'.' && b.get(e + 1).is_some_and(u8::is_ascii_digit))
            });
            // "5.30pm", "11.20am": the meridiem says it is a time.
            let meridiem =
                meridiem_after(b, e).filter(|&x| b[x - 1] != b'r' && (1..=12).contains(&hour));
            if clean_end
                && hour < 24
                && parse(&b[i + 1..e]) < 60
                && (meridiem.is_some() || dotted_time_cue(b, s, e))
            {
                // The unit belongs to the time, as in "14:30 Uhr".
                let whole_unit =
                    unit_after(b, e) && b.get(e + 4).is_none_or(|c| !c.is_ascii_alphanumeric());
                let e = match meridiem {
                    Some(x) => x,
                    None if whole_unit => e + 4,
                    None => e,
                };
                out.push(Time {
                    start: s,
                    end: e,
                    seconds: false,
                    needs_cue: false,
                });
                i = e;
                continue;
            }
        }
    }
    out
}

/// A dotted time `HH.MM` needs a word saying so: "kl. 10.30", "om 11.15",
/// "11.15 uur", "um 9.45 Uhr", "pukul 09.00".
fn dotted_time_cue(b: &[u8], s: usize, e: usize) -> bool {
    if unit_after(b, e) {
        return true;
    }
    let before = &b[s.saturating_sub(6)..s];
    [
        &b"kl. "[..],
        b"kl ",
        b"klo ",
        b" om ",
        b" um ",
        b" at ",
        "à ".as_bytes(),
        // Indonesian and Malay, Polish
        b"pukul ",
        b" jam ",
        b"godz. ",
        // Italian, Portuguese, Spanish
        b" alle ",
        b" ore ",
        "às ".as_bytes(),
        b" las ",
    ]
    .iter()
    .any(|w| before.len() >= w.len() && before[before.len() - w.len()..].eq_ignore_ascii_case(w))
}

/// The end of the Dutch or Spanish/French unit written after a clock time:
/// "16:40 uur", "08:30 h" (TAXONOMY's span is the whole surface form).
fn clock_unit_after(b: &[u8], e: usize) -> Option<usize> {
    if b.get(e) != Some(&b' ') {
        return None;
    }
    let unit = if b.get(e + 1..e + 4) == Some(b"uur") {
        3
    } else if b.get(e + 1) == Some(&b'h') {
        1
    } else {
        return None;
    };
    let end = e + 1 + unit;
    b.get(end)
        .is_none_or(|c| !c.is_ascii_alphanumeric())
        .then_some(end)
}

/// A day of the month written alone as an ordinal: "my flight is on the 12th",
/// "I fly back on the 17th." Only after "on the" and before the clause goes on
/// ("and", "at", punctuation, the end), so "on the 12th floor" is not one; a
/// weak candidate, it counts only with a personal word.
fn ordinal_days(text: &str, lower: &str, dates: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(i) = lower[from..].find("on the ") {
        let s = from + i + "on the ".len();
        from = s;
        let digits = b[s..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&digits) || !(1..=31).contains(&parse(&b[s..s + digits])) {
            continue;
        }
        let suffix = s + digits;
        let Some(word) = b.get(suffix..suffix + 2) else {
            continue;
        };
        if !matches!(word, b"st" | b"nd" | b"rd" | b"th") {
            continue;
        }
        let e = suffix + 2;
        // "paid semi-monthly on the 15th", "every month on the 1st": a day that
        // recurs is a schedule's, not a date.
        let before = &lower.as_bytes()[s.saturating_sub(24)..s];
        let recurring = ["monthly", "every", "each", "weekly"].iter().any(|w| {
            before
                .windows(w.len() + 1)
                .any(|x| x.starts_with(w.as_bytes()) && !x[w.len()].is_ascii_alphabetic())
        });
        if recurring {
            continue;
        }
        let rest = &text[e..];
        let clause_goes_on = rest.is_empty()
            || rest.starts_with(['.', ',', ';', '!', '?', ')', '\n'])
            || [" and ", " at ", " or ", " but ", " so "]
                .iter()
                .any(|w| rest.starts_with(w));
        if clause_goes_on {
            dates.push(Cand {
                start: s,
                end: e,
                shape: Shape::Weak,
            });
        }
    }
}

/// Whether " uur" or " Uhr" (any case) follows at `e`.
fn unit_after(b: &[u8], e: usize) -> bool {
    b.get(e) == Some(&b' ')
        && b.get(e + 1..e + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"uur") || w.eq_ignore_ascii_case(b"uhr"))
}

// ---------------------------------------------------------------- scoring

const PERSONAL_HEADERS: &[&str] = &[
    "dob",
    "birth",
    "born",
    "admit",
    "discharg",
    "visit",
    "appointment",
    "hire",
    "death",
];

/// What a date column's header says about its dates: a personal event ("DOB",
/// "Admit date", "travel_date", "Date of service") makes them someone's, a
/// system's or the public's ("created_at", "Release", "due") not; a header that
/// says neither ("Date", "Start") leaves them at the default for a calendar date.
fn header_verdict(header: &str) -> Evidence {
    if PERSONAL_HEADERS
        .iter()
        .any(|w| contains_ignore_case(header, w))
    {
        return Evidence::Supports;
    }
    let words = super::tabular::header_words(header);
    let named = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if named(PERSONAL.negative) {
        Evidence::Contradicts
    } else if named(PERSONAL.words) || named(PERSONAL_HEADER_WORDS) {
        Evidence::Supports
    } else {
        Evidence::Neutral
    }
}

/// Header words for personal events that are too vague as cue words in prose:
/// "service" in a claims table is the date of a visit ("service_date", "DOS").
const PERSONAL_HEADER_WORDS: &[&str] = &["service", "dos", "encounter", "exam", "enrolled"];

/// The score of a date, and whether something (context, a header, a system
/// timestamp's position) decided it rather than the default.
fn score_date(input: &ScanInput<'_>, c: &Cand) -> (f32, bool) {
    let text = input.text();
    let (start, end) = (c.start, c.end);
    if let Some(header) = input.column_header(start) {
        return match header_verdict(header) {
            Evidence::Supports => (0.9, true),
            Evidence::Contradicts => (0.2, true),
            // A plain "Date" column of a table about people holds their dates; of
            // any other table (metrics, logs), a system's.
            Evidence::Neutral if c.shape != Shape::Timestamp && input.in_table_of_people(start) => {
                (0.6, false)
            }
            Evidence::Neutral => (0.2, true),
        };
    }
    if hl7_personal_field(text, start) {
        return (0.9, true);
    }
    // A calendar event's start or end (`DTSTART;TZID=…:20250414T093000`) is
    // when someone has an appointment.
    if ics_event_time(text, start) {
        return (0.85, true);
    }
    if reply_attribution(text, end) || chat_stamp(text, start, end) || mail_header_date(text, start)
    {
        return (0.2, true);
    }
    // "Waitangi Day is 6 February", "Anzac Day 25 April", "27 april 2026
    // (Koningsdag)": a named day, a holiday.
    if named_day_before(text, start) || holiday_in_brackets_after(text, end) {
        return (0.2, true);
    }
    let ev = evidence(text, start, end, &PERSONAL);
    // "Le 14 juillet et le 15 août tombent en semaine": a day and month without
    // a year that a country keeps as a holiday is the holiday, unless a
    // personal word says otherwise ("my birthday is 25 December").
    if ev != Evidence::Supports && fixed_holiday(&text[start..end]) {
        return (0.2, true);
    }
    if c.shape == Shape::Timestamp && is_system_position(text, start, end) {
        // A log line's or a header field's timestamp; only a personal key
        // ("DOB: …") in front of it on its own line makes it someone's.
        let personal_key = field_name(text, start)
            .is_some_and(|k| PERSONAL_HEADERS.iter().any(|w| contains_ignore_case(k, w)));
        return (if personal_key { 0.9 } else { 0.2 }, true);
    }
    let base = match c.shape {
        Shape::Weak => 0.3,
        _ => 0.6,
    };
    // A release heading or changelog line: "## [2.4.0] - 2024-02-12", "v2.3.0 (…)".
    if ev != Evidence::Supports && version_on_line(text, start) {
        return (0.2, true);
    }
    match ev {
        Evidence::Supports => (0.9, true),
        Evidence::Neutral => (base, false),
        Evidence::Contradicts => (0.2, true),
    }
}

/// Whether a date is a whole HL7 v2 field that holds a person's date: PID-7
/// (birth), PID-29 (death), PV1-44 and PV1-45 (admission, discharge). The field
/// is counted by the `|` before it on its segment's line.
fn hl7_personal_field(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    if start == 0 || b[start - 1] != b'|' {
        return false;
    }
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = &text[line_start..start];
    let Some((segment, _)) = line.split_once('|') else {
        return false;
    };
    let field = line.bytes().filter(|&c| c == b'|').count();
    matches!((segment, field), ("PID", 7 | 29) | ("PV1", 44 | 45))
}

/// Whether a date starts a chat export's line as its message stamp:
/// "[04/03/2025 09:14] Ngozi Eze", "[3/4/25, 18:02:11] Achieng:", "3/4/25, 18:02 - Juma: …".
fn chat_stamp(text: &str, start: usize, end: usize) -> bool {
    let line_start = super::line_start(text, start);
    let bracketed = match &text[line_start..start] {
        "" => false,
        "[" => true,
        _ => return false,
    };
    let rest = text[end..].trim_start_matches([',', ' ']);
    let time_len = rest
        .bytes()
        .take_while(|c| c.is_ascii_digit() || *c == b':')
        .count();
    let rest = rest[time_len..].trim_start();
    let rest = rest
        .strip_prefix("AM")
        .or_else(|| rest.strip_prefix("PM"))
        .or_else(|| rest.strip_prefix("am"))
        .or_else(|| rest.strip_prefix("pm"))
        .unwrap_or(rest);
    // The time may already be in the date's span ("04/03/2025 09:14 - Juma: hi").
    let timed = time_len >= 4 || text[start..end].contains(':');
    if bracketed {
        rest.starts_with(']')
    } else {
        timed && rest.starts_with("- ")
    }
}

/// Whether a date is the value of an e-mail header's `Date:`/`Sent:` line, next
/// to `From:`, `To:` or `Subject:` lines: when a message was sent.
fn mail_header_date(text: &str, start: usize) -> bool {
    let line_start = super::line_start(text, start);
    let key = text[line_start..start].trim();
    if ![
        "date:",
        "sent:",
        "gesendet:",
        "envoyé :",
        "envoyé:",
        "enviado:",
    ]
    .iter()
    .any(|k| key.eq_ignore_ascii_case(k))
    {
        return false;
    }
    let around_start = super::line_start(text, line_start.saturating_sub(1));
    let around_start = super::line_start(text, around_start.saturating_sub(1));
    let line_end = super::line_end(text, start);
    let next_end = super::line_end(text, (line_end + 1).min(text.len()));
    let around_end = super::line_end(text, (next_end + 1).min(text.len()));
    text[around_start..around_end].lines().any(|l| {
        let l = l.trim_start_matches(['>', ' ']);
        [
            "From:", "To:", "Subject:", "Von:", "De :", "De:", "Objet :", "Betreff:",
        ]
        .iter()
        .any(|h| l.starts_with(h))
    })
}

/// Whether a capitalized name and "Day" stand right before the date (with "is",
/// "on", ":" or "," between): "Anzac Day 25 April", "Waitangi Day is 6 February".
fn named_day_before(text: &str, start: usize) -> bool {
    let mut pre = text[super::line_start(text, start)..start].trim_end();
    // Strip fillers until none is left ("Anzac Day falls on", "X Day is on").
    loop {
        let before = pre.len();
        for filler in [" falls on", " is", " on", ":", ",", " ("] {
            pre = pre.strip_suffix(filler).unwrap_or(pre).trim_end();
        }
        if pre.len() == before {
            break;
        }
    }
    let Some(name) = pre.strip_suffix(" Day") else {
        return false;
    };
    let word = name.rsplit(' ').next().unwrap_or("");
    let word = word.strip_suffix("'s").unwrap_or(word);
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() >= 3
}

/// Whether a holiday's name stands in brackets right after the date: "27 april
/// 2026 (Koningsdag)", "6 de diciembre (Día de la Constitución)", "14 juillet
/// 2025 (Fête nationale)", "1. Mai 2026 (Tag der Arbeit)". The bracket must
/// name a day or a festivity, so "(Dr Smith)" or "(room 4)" say nothing.
fn holiday_in_brackets_after(text: &str, end: usize) -> bool {
    const HOLIDAY_WORDS: &[&str] = &[
        "day",
        "dag",
        "tag",
        "día",
        "dia",
        "giorno",
        "jour",
        "fête",
        "festa",
        "fiesta",
        "feest",
        "święto",
        "national",
        "nationale",
        "nacional",
        "nazionale",
        "holiday",
        "feiertag",
        "feriado",
        "festivo",
        "férié",
        "constitución",
        "concepción",
        "bevrijdingsdag",
        "koningsdag",
        "repubblica",
        "república",
        "republik",
    ];
    let rest = text[end..].trim_start();
    let Some(inner) = rest.strip_prefix('(') else {
        return false;
    };
    let Some(close) = inner.find(')') else {
        return false;
    };
    let inner = &inner[..close];
    inner.chars().next().is_some_and(char::is_uppercase)
        && inner.len() <= 48
        && inner
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| HOLIDAY_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Whether the value at `start` is the whole of an iCalendar `DTSTART`/`DTEND`
/// line's value (the property may carry parameters: `DTSTART;TZID=Europe/Paris:`).
fn ics_event_time(text: &str, start: usize) -> bool {
    let line_start = super::line_start(text, start);
    let Some(property) = text[line_start..start].strip_suffix(':') else {
        return false;
    };
    let name = property.split(';').next().unwrap_or("");
    ["DTSTART", "DTEND"]
        .iter()
        .any(|p| name.eq_ignore_ascii_case(p))
}

/// Whether the rest of the line after a date is a quoted e-mail's attribution
/// ("On Tue, Mar 4, 2025, Dana Cho <dana@…> wrote:"): when a message was sent,
/// not a date in anyone's life.
fn reply_attribution(text: &str, end: usize) -> bool {
    let rest = &text[end..super::line_end(text, end)];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let line = line.trim_end().trim_end_matches(':').trim_end();
    line.len() <= 120
        && [
            " wrote",
            " a écrit",
            " schrieb",
            " escribió",
            " scrisse",
            " schreef",
            " skrev",
            " napisał",
            " escreveu",
        ]
        .iter()
        .any(|w| line.ends_with(w))
}

/// Where systems put timestamps: at the start of a line (after an opening bracket
/// or a `key:`/`key=` field name), as a field value (`ts=`, `"created_at": "`,
/// `<time>`), or followed by a log level or a time zone name.
fn is_system_position(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    if key_before(b, start) {
        return true;
    }
    let line_start = super::line_start(text, start);
    let prefix = text[line_start..start].trim();
    // `creationTimestamp: "…"`, `'updated_at': '…`: a quoted value of a key.
    let prefix = prefix
        .trim_start_matches(['[', '(', '"'])
        .trim_end_matches(['"', '\''])
        .trim_end();
    let is_key = |p: &str| {
        p.strip_suffix([':', '=']).is_some_and(|k| {
            !k.is_empty()
                && k.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b' '))
        })
    };
    if prefix.is_empty() || is_key(prefix) {
        return true;
    }
    // A numeric zone after the seconds, as web servers and Rails log
    // ("at 2025-05-27 21:46:11 +0000"), or a quoted literal of a SQL dump's row
    // ("…, '2024-01-05 01:21:51'),").
    let zone = text[end..].strip_prefix(' ').is_some_and(|z| {
        let z = z.as_bytes();
        z.len() >= 5 && matches!(z[0], b'+' | b'-') && z[1..5].iter().all(u8::is_ascii_digit)
    });
    let sql_literal = start > 0
        && b[start - 1] == b'\''
        && b.get(end) == Some(&b'\'')
        && matches!(b.get(end + 1), Some(b',' | b')'));
    if zone || sql_literal {
        return true;
    }
    let after = text[end..].trim_start_matches([']', ')', '"', ',', ' ']);
    let word: &str = after
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    [
        "INFO", "WARN", "WARNING", "ERROR", "DEBUG", "TRACE", "FATAL", "CRITICAL", "NOTICE", "GMT",
        "UTC",
    ]
    .contains(&word)
}

/// The field name before a value at `start` on its line ("dob" in `dob=…`,
/// `"birthDate": "…"`, `DOB: …`), if the line has one.
fn field_name(text: &str, start: usize) -> Option<&str> {
    let line_start = super::line_start(text, start);
    let prefix = text[line_start..start].trim_end_matches([' ', '"', '\'', '[']);
    let prefix = prefix
        .strip_suffix([':', '=', '>'])?
        .trim_end_matches(['"', '\'']);
    let key_start = prefix
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .map_or(0, |i| i + 1);
    let key = &prefix[key_start..];
    (!key.is_empty()).then_some(key)
}

/// Whether a version string (`2.4.0`, `v2.3`) stands before `start` on its line.
fn version_on_line(text: &str, start: usize) -> bool {
    let line = &text.as_bytes()[super::line_start(text, start)..start];
    line.windows(4).enumerate().any(|(i, w)| {
        let v_marker = matches!(w[0], b'v' | b'V')
            && (i == 0 || !line[i - 1].is_ascii_alphanumeric())
            && w[1].is_ascii_digit()
            && w[2] == b'.'
            && w[3].is_ascii_digit();
        // `N.N.N` with parts of any length ("5.10.19-rc.3"): the middle part's
        // digits, then a dot and a digit.
        let middle = line[i + 2..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let dotted3 = w[0].is_ascii_digit()
            && w[1] == b'.'
            && (1..=3).contains(&middle)
            && line.get(i + 2 + middle) == Some(&b'.')
            && line.get(i + 3 + middle).is_some_and(u8::is_ascii_digit)
            && !dotted_token_is_no_version(line, i);
        v_marker || dotted3
    })
}

/// Whether the run of digits and dots around `i` is a date `D.M.YYYY` (an earlier
/// date on the line, "17.3.2025 ja … 2.4.2025", is no version string) or an IPv4
/// address.
fn dotted_token_is_no_version(line: &[u8], i: usize) -> bool {
    let is_part = |c: &u8| c.is_ascii_digit() || *c == b'.';
    let start = line[..i]
        .iter()
        .rposition(|c| !is_part(c))
        .map_or(0, |p| p + 1);
    let end = line[i..]
        .iter()
        .position(|c| !is_part(c))
        .map_or(line.len(), |p| i + p);
    let token = std::str::from_utf8(&line[start..end]).unwrap_or("");
    let parts: Vec<&str> = token.trim_end_matches('.').split('.').collect();
    match parts.as_slice() {
        // "12.03.25": a date with a two-digit year, written with two-digit day
        // and month ("5.10.19" is a version).
        [d, m, y] if y.len() == 2 && d.len() == 2 && m.len() == 2 => {
            valid_day(None, parse(m.as_bytes()), parse(d.as_bytes()))
        }
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
            let (d, m, y) = (
                parse(d.as_bytes()),
                parse(m.as_bytes()),
                parse(y.as_bytes()),
            );
            valid_year(y) && valid_day(Some(y), m, d)
        }
        // An IPv4 address ("192.168.1.20 1979. március 4-én") is no version either;
        // 1.2.3.4-like ones with single-digit middle parts stay versions, as the
        // address detector reads them.
        [a, b, c, d]
            if [a, b, c, d]
                .iter()
                .all(|p| (1..=3).contains(&p.len()) && parse(p.as_bytes()) <= 255) =>
        {
            let small_middle = parse(b.as_bytes()) < 10 && parse(c.as_bytes()) < 10;
            !small_middle || matches!(parse(a.as_bytes()), 10 | 172 | 192)
        }
        _ => false,
    }
}

/// Whether a field name and `=`, `: "`, `":` or `>` stand right before `start`.
fn key_before(b: &[u8], start: usize) -> bool {
    let mut i = start;
    if i > 0 && matches!(b[i - 1], b'"' | b'\'') {
        i -= 1;
    }
    while i > 0 && b[i - 1] == b' ' {
        i -= 1;
    }
    if i == 0 {
        return false;
    }
    match b[i - 1] {
        b'=' => i >= 2 && b[i - 2].is_ascii_alphanumeric(),
        b':' => i >= 2 && matches!(b[i - 2], b'"' | b'\''),
        b'>' => i >= 2 && b[i - 2].is_ascii_alphanumeric(),
        _ => false,
    }
}

/// Text between two dates of one list or range: ", ", " and ", " to ", "–", "-".
fn is_list_joiner(between: &str) -> bool {
    let t = between
        .trim()
        .trim_matches(|c: char| c == ',' || c == ';')
        .trim();
    between.len() <= 12
        && matches!(
            t.to_ascii_lowercase().as_str(),
            "" | "-"
                | "–"
                | "—"
                | "to"
                | "and"
                | "or"
                | "until"
                | "till"
                | "through"
                | "thru"
                | "bis"
                | "und"
                | "au"
                | "et"
                | "y"
                | "e"
                | "al"
                | "tot"
                | "en"
                | "och"
                | "og"
                | "i"
                | "do"
                | "a"
                // a range's second end in French, Italian, Portuguese, Spanish:
                // "de 10h à 18h", "dalle 9 alle 19", "das 10h às 18h"
                | "à"
                | "alle"
                | "às"
                | "até"
                | "hasta"
        )
}

/// Whether the text between two dates keeps them in one enumeration of events
/// ("Mauerbau am 13. August 1961, Mauerfall am 9. November 1989, …", "fell on
/// …, and the euro came on …"): a comma-led stretch of a few words in the same
/// sentence. A date nothing decides there shares a public verdict before it
/// (a personal one needs its own word: "…, and I was born on …" has one).
fn same_enumeration(between: &str) -> bool {
    let b = between.as_bytes();
    let sentence_end = between.contains(['\n', ';', '!', '?'])
        || b.windows(3)
            .any(|w| w[0].is_ascii_alphabetic() && w[1] == b'.' && w[2] == b' ');
    between.len() <= 48 && between.trim_start().starts_with([',', '，', '、']) && !sentence_end
}

/// Text between a date and a time that joins them: " at ", ", ", " - ", " @ ",
/// "(Fri)", " kl. ".
fn is_joiner(between: &str) -> bool {
    let t = between.trim().to_ascii_lowercase();
    let t = match (t.find('('), t.find(')')) {
        // A weekday in brackets between them: "2025/03/14 (Fri) 15:30".
        (Some(o), Some(c)) if o < c && c - o <= 12 => format!("{}{}", &t[..o], &t[c + 1..]),
        _ => t,
    };
    // The year's word after a date ("20 березня 2025 року о 11:00", "12 марта
    // 2025 г. в 15:00") and an approximation ("at about 7:45am") do not part them.
    let mut t = t.trim();
    // A Turkish case ending on the year ("2 Kasım 2025'te saat 14:10").
    if let Some(rest) = t.strip_prefix(['\'', '’']) {
        let ending = rest.chars().take_while(|c| c.is_alphabetic()).count();
        if (1..=3).contains(&ending) {
            t = rest[rest
                .char_indices()
                .nth(ending)
                .map_or(rest.len(), |(i, _)| i)..]
                .trim_start();
        }
    }
    for word in ["року", "рік", "года", "г.", "р.", "r."] {
        t = t.strip_prefix(word).unwrap_or(t).trim_start();
    }
    for word in [
        " about",
        " around",
        " approx.",
        " approximately",
        " roughly",
        " ca.",
    ] {
        t = t.strip_suffix(word).unwrap_or(t);
    }
    matches!(
        t.trim(),
        "" | "at"
            | "@"
            | ","
            | "-"
            | "–"
            | "um"
            | "à"
            | "a las"
            | "alle"
            | "om"
            | "às"
            | "kl."
            | "kl"
            | "klo"
            | "klokken"
            | ", at"
            | ", um"
            | ", kl."
            | "from"
            // other languages' words before a time of day: Polish, Romanian, Greek,
            // Turkish, Vietnamese, Indonesian, Thai, Japanese, Arabic, Czech, Finnish,
            // Swedish
            | "o"
            | "o godz."
            | "godz."
            | ", ora"
            | "ora"
            | "στις"
            | "saat"
            | "lúc"
            | "pukul"
            | "jam"
            | "เวลา"
            | "の"
            | "الساعة"
            | "בשעה"
            // Russian, Ukrainian, Italian, Swahili, Filipino
            | "в"
            | "о"
            | "alle ore"
            | "ore"
            | "saa"
            | "ng"
            | "vers"
            | "gegen"
            | "around"
            | "को"
            | "को समय"
            | "समय"
            | "v"
            | "kello"
            | "klockan"
            // a window after its day: "Thursday between 8am and noon"
            | "between"
            | ", between"
            | "entre"
            | "zwischen"
            | "tussen"
            | "tra le"
            | "między"
    )
}

/// Text between a time and the date after it that joins them: " on ", ", ",
/// " ngày " (Vietnamese), " le " (French), " am " (German), " el ", " il ".
fn is_date_joiner(between: &str) -> bool {
    matches!(
        between.trim().to_ascii_lowercase().as_str(),
        "on" | "," | ", on" | "ngày" | "le" | "am" | "el" | "il" | "op" | "em" | "den" | "du"
    )
}

/// Whether an ISO date ending at `end` continues with a time ("T14:30", " 14:30").
fn ends_before_time(b: &[u8], end: usize) -> bool {
    matches!(b.get(end), Some(b'T' | b' ')) && b.get(end + 1).is_some_and(u8::is_ascii_digit)
}

fn preceded_by_version_marker(b: &[u8], start: usize) -> bool {
    start > 0 && matches!(b[start - 1], b'v' | b'V')
}

fn days_in_month(year: Option<u32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

fn valid_day(year: Option<u32>, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

fn valid_year(y: u32) -> bool {
    (1900..=2100).contains(&y)
}

/// Year first with dots is how Korea, Hungary and China write dates
/// ("1985.03.12"), and how calendar versions are written ("nginx 2024.06.2",
/// "image:2024.06.12"): only the full two-digit month and day count, and not
/// after a tag or pin separator.
fn year_first_dotted(b: &[u8], sub: &super::numbers::Sub<'_>) -> bool {
    let (start, _) = sub.span();
    sub.separator() == Some(Some(b'.'))
        && sub.shape_is(&[4, 2, 2])
        && !(start > 0 && matches!(b[start - 1], b':' | b'@' | b'=' | b'v' | b'V'))
}

fn valid_iso(s: &str) -> bool {
    let date = &s[..10.min(s.len())];
    let parts: Vec<u32> = date
        .split(['-', '/', '.'])
        .filter_map(|p| p.parse().ok())
        .collect();
    if parts.len() != 3 || !valid_year(parts[0]) || !valid_day(Some(parts[0]), parts[1], parts[2]) {
        return false;
    }
    true
}

fn valid_numeric(s: &str) -> bool {
    let Some(sep) = s.chars().find(|c| !c.is_ascii_digit()) else {
        return false;
    };
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() != 3 {
        return false;
    }
    let (a, b, c) = (parts[0], parts[1], parts[2]);
    let (Ok(x), Ok(y), Ok(year)) = (a.parse::<u32>(), b.parse::<u32>(), c.parse::<u32>()) else {
        return false;
    };
    let year = match c.len() {
        4 if valid_year(year) => Some(year),
        2 => None,
        _ => return false,
    };
    // Dotted short forms ("3.12.10") are version numbers unless written DD.MM.YY.
    if sep == '.' && year.is_none() && (a.len() != 2 || b.len() != 2) {
        return false;
    }
    valid_day(year, x, y) || valid_day(year, y, x)
}

fn valid_month_year(s: &str) -> bool {
    let (m, y) = match s.split_once(['/', ' ', '-']) {
        Some(parts) => parts,
        None => return false,
    };
    let month = m.parse::<u32>().ok().or_else(|| month_number(m));
    let year = y.parse::<u32>().ok();
    matches!((month, year), (Some(1..=12), Some(y)) if valid_year(y))
}

/// Whether a written date without a year ("14 juillet", "July 4", "15 agosto")
/// falls on a widely kept fixed-date holiday.
fn fixed_holiday(date: &str) -> bool {
    const HOLIDAYS: &[(u32, u32)] = &[
        (1, 1),   // New Year
        (1, 26),  // Australia Day, India's Republic Day
        (2, 6),   // Waitangi Day
        (3, 17),  // St Patrick's Day
        (4, 25),  // Anzac Day, Italy's Liberation Day
        (5, 1),   // Labour Day
        (6, 2),   // Festa della Repubblica
        (7, 4),   // US Independence Day
        (7, 14),  // Bastille Day
        (8, 15),  // Assumption, Ferragosto, India's Independence Day
        (8, 24),  // Ukraine's Independence Day
        (10, 3),  // German Unity Day
        (11, 1),  // All Saints
        (11, 11), // Armistice, Veterans Day
        (12, 24),
        (12, 25),
        (12, 26),
        (12, 31),
    ];
    let mut day = None;
    let mut month = None;
    for word in date.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.')) {
        if word.is_empty() {
            continue;
        }
        if word.bytes().all(|c| c.is_ascii_digit()) {
            if word.len() > 2 {
                return false; // a year
            }
            day = word.parse::<u32>().ok();
        } else if let Some(m) = month_number(word) {
            month = Some(m);
        }
    }
    matches!((month, day), (Some(m), Some(d)) if HOLIDAYS.contains(&(m, d)))
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|&(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let d = DateDetector::new().unwrap();
        let input = ScanInput::new(text);
        let mut out = Vec::new();
        d.detect(&input, &mut out);
        out.into_iter()
            .filter(|f| f.score >= 0.5)
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn personal_dates() {
        let cases: &[(&str, &[&str])] = &[
            ("DOB: 03/14/1985, MRN 1234", &["03/14/1985"]),
            (
                "the portal rejects my date of birth, e.g. 03/14/1985",
                &["03/14/1985"],
            ),
            ("Rev. Amos Hale 04/12/1951", &["04/12/1951"]),
            ("appointment on 5 May 2025 (Dr Smith)", &["5 May 2025"]),
            // a public date before it in the sentence does not make it public
            (
                "the Wall fell on 9 November 1989, and I was born on 3 March 1990",
                &["3 March 1990"],
            ),
            // travel and delivery times, in other languages too
            (
                "op woensdag 1 oktober, vertrek Schiphol 14:10, aankomst Barcelona 15:20",
                &["woensdag 1 oktober", "14:10", "15:20"],
            ),
            ("ich bin ab 15:00 zu Hause", &["15:00"]),
            (
                "a new delivery for Thursday, 9th October between 8am and 12:00pm",
                &["Thursday, 9th October", "8am", "12:00pm"],
            ),
            (
                "Eingang 12.03.25, Rückruf 19.03.25",
                &["12.03.25", "19.03.25"],
            ),
            (
                "the collision on 01/29/2024 at approximately 12:15 PM",
                &["01/29/2024", "12:15 PM"],
            ),
            (
                "| Field | Value |\n|---|---|\n| Patient DOB | 11/24/1958 |\n| Arrival | June 8, 2025 |",
                &["11/24/1958", "June 8, 2025"],
            ),
            ("she was born on 14 March 1985", &["14 March 1985"]),
            (
                "Admitted 2024-02-29 and discharged 2024-03-04.",
                &["2024-02-29", "2024-03-04"],
            ),
            (
                "meeting moved to May 5, 2025 at 3:30 PM",
                &["May 5, 2025", "3:30 PM"],
            ),
            ("geboren am 15. März 1990", &["15. März 1990"]),
            ("nacido el 15 de marzo de 1990", &["15 de marzo de 1990"]),
            ("Today is 5-MAY-2021", &["5-MAY-2021"]),
            ("seen 18.04.2025 for review", &["18.04.2025"]),
            (
                "Today is 2024-03-15T14:30:00Z or not?",
                &["2024-03-15T14:30:00Z"],
            ),
            ("hired in May 2021 as a nurse", &["May 2021"]),
            ("Today is 05/2021", &["05/2021"]),
        ];
        for (text, want) in cases {
            let got = found(text);
            let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn not_personal() {
        for text in [
            "Python 3.12 was released on 2023-10-02.",
            "The sprint ends on 05/09/2025",
            "The Q3 board meeting is scheduled for March 3, 2025.",
            "2025-03-04T12:33:00Z WARN auth failed",
            "SELECT * FROM users WHERE created_at > '2021-03-04'",
            "date,region,build\n2024-01-02,eu-west-1,1.2.3\n2024-01-03,us-east-2,1.2.4\n",
            "version 3.12.10 and 02/30/2024 and 1990",
            "cron at 10:30 daily",
            "card expires 05/2027",
            "Ratio 13/2024",
            // a model's or build's dated name
            r#"{"model": "gpt-4o-2024-08-06", "fallback": "o3-mini-2025-01-31"}"#,
            "claude-3-5-sonnet-20241022 answered",
            // history: a year out of range, a historical verb
            "the Magna Carta was sealed on 15 June 1215, and",
            "June 15, 1215 is when",
            "the titanic sank July 20, 1969, crazy",
            // a web log's timestamp with its numeric zone; a SQL dump's row stamp
            r#"Started POST "/users" for 121.91.74.127 at 2025-05-27 21:46:11 +0000"#,
            "INSERT INTO t VALUES (1000, 'Kofi', '2024-01-05 01:21:51');",
            // an HL7 message header's time is the system's
            "MSH|^~\\&|EPIC|RBH|||202404070022||ADT^A01|1|P|2.5",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // fixed-date holidays without a year (and without a personal word)
        for text in [
            "Le 14 juillet et le 15 août tombent en semaine",
            "closed on 25 December",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert_eq!(found("my birthday is 25 December"), vec!["25 December"]);
        assert_eq!(found("flying to Lisbon on Fri 14 Feb"), vec!["Fri 14 Feb"]);
        // ... but a date after a date is no name's suffix
        assert!(name_suffix(b"gpt-4o-2024-08-06", 7));
        assert!(!name_suffix(b"2024-01-01-2024-12-31", 11));
        assert!(!name_suffix(b"DOB-1990", 4));
    }

    #[test]
    fn hl7_fields_and_times_in_other_languages() {
        let hl7 = "PID|1||E39065595^^^RBH^MR||FITZGERALD^ETHAN^^^^^L||19650912|F|||||07452 335 615\n\
                   PV1|1|I|4W^412^B^RB||||1234^YAMAMOTO^^^^DR|||MED|||||||||V44765659|||||||||||||||||||||||||202404070022";
        assert_eq!(found(hl7), vec!["19650912", "202404070022"]);
        assert_eq!(
            found("Randevum 2 Kasım 2025'te saat 14:10."),
            vec!["2 Kasım 2025", "14:10"]
        );
        assert_eq!(
            found("התור שלי לרופא הוא ב-19.3.2025 בשעה 17:00."),
            vec!["19.3.2025", "17:00"]
        );
        // February with its nukta (NFKC decomposes फ़)
        let hindi = crate::detect::Normalized::new("मेरी अपॉइंटमेंट 21 फ़रवरी 2025 को 09:00 बजे है।");
        assert_eq!(
            found(hindi.as_str()).len(),
            2,
            "{:?}",
            found(hindi.as_str())
        );
    }

    /// Challenge-set regressions, named by their cause: forms that were missed,
    /// spans that were cut wrong, non-personal dates that were kept.
    #[test]
    fn regressions() {
        let cases: &[(&str, &[&str])] = &[
            // leading weekday belongs to the span; trailing full stop does not
            (
                "appt Tuesday, March 4, 2025 ok",
                &["Tuesday, March 4, 2025"],
            ),
            ("check-in Sat, 14 Jun 2025", &["Sat, 14 Jun 2025"]),
            (
                "rendez-vous le mardi 12 mars 2024 à 10h30",
                &["mardi 12 mars 2024", "10h30"],
            ),
            ("flight on Sun 23 Feb.", &["Sun 23 Feb"]),
            // year first: Hungarian written dates, Korean and Chinese dotted ones
            (
                "A páciens 1979. március 4-én született.",
                &["1979. március 4"],
            ),
            ("생년월일 1985.03.12. 확인", &["1985.03.12"]),
            ("DOB: 1973. 10. 27.", &["1973. 10. 27"]),
            ("Date of birth: 1970. május 14.", &["1970. május 14"]),
            // abbreviations that are also words count with a year only
            ("nato il 16 ago 1980", &["16 ago 1980"]),
            ("urodzony 12 sty 1968", &["12 sty 1968"]),
            ("born 11 ביולי 1962", &["11 ביולי 1962"]),
            ("DOB: 21. februára 1953", &["21. februára 1953"]),
            // month names longer than 16 bytes, other locales' weekdays
            (
                "γεννήθηκε στις 12 Σεπτεμβρίου 1984",
                &["12 Σεπτεμβρίου 1984"],
            ),
            ("जन्म 3 अप्रैल 1990", &["3 अप्रैल 1990"]),
            ("он родился 5 февраля 1979 года", &["5 февраля 1979"]),
            ("syntynyt 14. maaliskuuta 1988", &["14. maaliskuuta 1988"]),
            (
                "jadwal kontrol Senin, 14 April 2025 pukul 09.00",
                &["Senin, 14 April 2025", "09.00"],
            ),
            // a CJK date without its year needs a cue, and a time can be joined to it
            ("予約は4月18日の14:30でお願いします", &["4月18日", "14:30"]),
            // dotted times with a meridiem, joiners of other languages, the year's word
            (
                "a viewing on Thursday 6 March at 5.30pm if that suits",
                &["Thursday 6 March", "5.30pm"],
            ),
            (
                "rear-ended on 14/02/2025 at about 7:45am.",
                &["14/02/2025", "7:45am"],
            ),
            (
                "моя співбесіда 20 березня 2025 року о 11:00, я буду",
                &["20 березня 2025", "11:00"],
            ),
            // weekdays: "the" before the day, bracketed after, Swahili and Finnish
            (
                "Communion is on Saturday the 10th of May, party after",
                &["Saturday the 10th of May"],
            ),
            (
                "Your appt is on 18 Mar 2025 (Tue) at 8:40am.",
                &["18 Mar 2025 (Tue)", "8:40am"],
            ),
            (
                "Miadi yako ni Jumatatu, 10 Machi 2025 saa 8:00",
                &["Jumatatu, 10 Machi 2025", "8:00"],
            ),
            // an itinerary's day and month in capitals, with a travel cue
            ("SQ 321 SIN-LHR flight 12MAR dep 23:55", &["12MAR", "23:55"]),
            // Vietnamese dates name the month by its number
            (
                "Bệnh nhân sinh ngày 8 tháng 4 năm 1985, tái khám",
                &["ngày 8 tháng 4 năm 1985"],
            ),
            ("sinh ngày 27 thg 3, 1943", &["ngày 27 thg 3, 1943"]),
            // Thai Buddhist-era years
            ("ผู้ป่วยเกิดวันที่ 5 มีนาคม 2528 นัดตรวจ", &["5 มีนาคม 2528"]),
            // a time before its date shares its verdict (dates are listed first)
            (
                "She was admitted at 21:15 on 03/03/2025.",
                &["03/03/2025", "21:15"],
            ),
            (
                "nhập viện lúc 21:15 ngày 03/03/2025",
                &["03/03/2025", "21:15"],
            ),
            (
                "Ihr Termin am 2. Oktober 2025 um 14:30 Uhr",
                &["2. Oktober 2025", "14:30 Uhr"],
            ),
            // a date directly followed by its time is one span
            ("admitted 05/03/2025 09:40 via ED", &["05/03/2025 09:40"]),
            // an earlier dotted date on the line is no version string (challenge2 ch2-0034)
            (
                "Potilas kotiutettiin 17.3.2025 ja kontrollikäynti on 2.4.2025.",
                &["17.3.2025", "2.4.2025"],
            ),
            // month names of more languages, abbreviations, ordinals
            ("urodzona 12 października 1968", &["12 października 1968"]),
            ("født 3. maj 1977", &["3. maj 1977"]),
            (
                "seit dem 1. Okt. 2018 bei uns angestellt, hired",
                &["1. Okt. 2018"],
            ),
            (
                "arrivée le 1er septembre 2021, lease",
                &["1er septembre 2021"],
            ),
            ("Doğum tarihi 12 Mart 1984", &["12 Mart 1984"]),
            ("DOB 14MAR1990", &["14MAR1990"]),
            ("生年月日 1985年4月12日", &["1985年4月12日"]),
            ("Datum narození: 14. 5. 1978", &["14. 5. 1978"]),
            ("hat am 21.06. Geburtstag", &["21.06."]),
            (
                "PID|1||448812093^^^H^MR||DOE^JANE||19700315|F",
                &["19700315"],
            ),
            ("dob=1956-3-7", &["1956-3-7"]),
            // times on their own, with an appointment cue
            ("move my 1:1 from 9:30am to 4:45pm", &["9:30am", "4:45pm"]),
            ("Flight BA 117 dep 11:25", &["11:25"]),
            (
                "I'd like to freeze my membership from 01/09/2026 for three months",
                &["01/09/2026"],
            ),
            // a genealogy's dates of the 1800s, with a personal word
            (
                "Bridget Byrne, born August 26, 1898, Co. Wexford; baptised Sep 1, 1898 at St Aidan's.",
                &["August 26, 1898", "Sep 1, 1898"],
            ),
            ("geboren am 3. Mai 1885 in Köln", &["3. Mai 1885"]),
            // a day of the month alone, with a personal word
            (
                "my flight to madrid is on the 12th and i fly back on the 17th.",
                &["12th", "17th"],
            ),
            ("On the 12th, I fly to Rome.", &["12th"]),
            (
                "Paid via Revolut on 14 March 2026 for my appointment",
                &["14 March 2026"],
            ),
            (
                "The assured shorthold tenancy commenced on 20 Sep 2023 for a fixed term",
                &["20 Sep 2023"],
            ),
            ("everyone says my flight is on the 3rd.", &["3rd"]),
            ("Prognosis reviewed 12/03/2025: guarded.", &["12/03/2025"]),
            // dotted times after Italian "alle"; "meet" and "trip" say whose
            ("partenza da Milano Centrale alle 9.30, arrivo", &["9.30"]),
            (
                "the climbing trip, meet at 10.30am at the car park",
                &["10.30am"],
            ),
            (
                "afspraak donderdag 6 maart 2025 om 11.15 uur",
                &["donderdag 6 maart 2025", "11.15 uur"],
            ),
            (
                "uw afspraak op 7 maart 2025 om 16:40 uur.",
                &["7 maart 2025", "16:40 uur"],
            ),
            (
                "su cita el 2/7/2026 a las 08:30 h. Nuestro horario",
                &["2/7/2026", "08:30 h"],
            ),
            ("consulta às 15h", &["15h"]),
            // month names and time words of more languages (challenge3)
            (
                "pacienta, născută la 12 martie 1985, are programare",
                &["12 martie 1985"],
            ),
            ("Pasien lahir 17 Agustus 1988, jadwal", &["17 Agustus 1988"]),
            (
                "Ο ασθενής γεννήθηκε στις 5 Μαΐου 1982 και",
                &["5 Μαΐου 1982"],
            ),
            ("تاريخ الميلاد 15 أبريل 1985", &["15 أبريل 1985"]),
            ("जन्म तिथि 15 अगस्त 1990", &["15 अगस्त 1990"]),
            (
                "randevunuz 3 Nisan 2025 saat 14:30 olarak",
                &["3 Nisan 2025", "14:30"],
            ),
            (
                "wizyta kontrolna 15 kwietnia o 10:30.",
                &["15 kwietnia", "10:30"],
            ),
            (
                "rendez-vous à la clinique le mardi 8 avril à 14 h 30.",
                &["mardi 8 avril", "14 h 30"],
            ),
            (
                "Termin am Dienstag, 8. April um 14.30 Uhr.",
                &["Dienstag, 8. April", "14.30 Uhr"],
            ),
            // CJK times of day need their half of the day or their minutes
            (
                "预约：2025年6月18日 下午3点 牙科复诊",
                &["2025年6月18日", "下午3点"],
            ),
            (
                "面谈 2025年6月18日 15点30分",
                &["2025年6月18日", "15点30分"],
            ),
            (
                "예약 2025년 3월 4일 오후 3시 30분",
                &["2025년 3월 4일", "오후 3시 30분"],
            ),
            // an iCalendar event's start, with or without parameters
            (
                "BEGIN:VEVENT\nDTSTART:20250414T093000\nEND:VEVENT",
                &["20250414T093000"],
            ),
            (
                "BEGIN:VEVENT\nDTSTART;TZID=Europe/Paris:20250414T093000\n",
                &["20250414T093000"],
            ),
        ];
        for (text, want) in cases {
            let got = found(text);
            let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// Non-personal dates and system timestamps, named by the rule that drops them.
    #[test]
    fn regressions_not_personal() {
        for text in [
            // a form's revision, a public schedule, dates set for everyone
            "Page 1 of 2. Form rev. 11/2023.",
            "Visiting hours are 14:00–20:00 daily; the outpatient pharmacy",
            "Op 27 april 2026 (Koningsdag) zijn wij gesloten",
            "El 6 de diciembre (Día de la Constitución) permanecerán cerradas",
            "[Ticket erstellt: 21.11.2025 13:48, automatisch]",
            "Zeitleiste: Mauerbau am 13. August 1961, Mauerfall am 9. November 1989, Wiedervereinigung am 3. Oktober 1990.",
            "metadata:\n  creationTimestamp: \"2024-01-23T07:36:42Z\"\n",
            "  born_at DATE DEFAULT '1900-01-01',",
            "Saldo disponible a 11/07/2025: 21.847,67 €.",
            "the dividend is payable on 24th November 2025 to shareholders of record",
            "call 1-888-347-2613 (Mon–Fri 8 AM–8 PM ET)",
            "Agenda (all attendees): registration 08:00–09:00, opening keynote 09:00",
            "The annual general meeting is held on May 14, 2026.",
            "Firmware 116.0.6168.198; supported until 31 Dec 2031.",
            "This policy applies to all employees from 1 April 2025.",
            "# Release 5.10.19-rc.3 (2025-02-16)",
            // a cue on another log line does not reach this one
            "job=reindex started\n2025-01-14T08:22:58.017Z WARN slow shard",
            // key=value, syslog, HTTP and openssl timestamps
            "ts=2025-02-11T10:41:07Z level=error svc=checkout",
            "Feb 11 03:14:07 bastion sshd[2211]: Failed password",
            "notBefore=Mar  1 00:00:00 2025 GMT",
            "Date: Tue, 04 Mar 2025 02:17:09 GMT",
            "2025-03-02 14:05:19,482 - celery.worker - INFO - done",
            "[2025-03-02 14:05:19] production.ERROR: refused",
            // product lifecycle, law, history, events
            "Windows 10 support ends on October 14, 2025.",
            "the Berlin Wall fell on 9 November 1989",
            "the new pricing takes effect on 1 April 2025",
            "the CFP closes on 14/04/2025",
            // a short number naming the sprint does not shield the date from "sprint"
            "sprint 41 is 06.01.2025–17.01.2025",
            // chat exports' message stamps and e-mail headers say when, not whose
            "[04/03/2025 09:14] Ngozi Eze\nCan someone reset my VPN?",
            "[3/4/25, 18:02:11] Achieng: habari",
            "3/4/25, 18:02 - Juma: nimefika",
            "04/03/2025 09:14 - Juma: nimefika",
            "From: Aoife <aoife@example.ie>\nDate: Mon, 3 Mar 2025 at 16:42\nSubject: Re: Lease",
            // named days are holidays
            "Waitangi Day is 6 February and Anzac Day 25 April",
            "Anzac Day falls on 25 April",
            "sizes 12MAR are in stock",
            // month abbreviations that are words, without a year
            "3 out of 4 doctors agree",
            "In 2025 set 12 goals for the team",
            "she left 2 days ago 2 times",
            "set 5 to true",
            // calendar versions and image tags, year first with dots
            "after upgrading to Redis 2019.10.2 the dashboard fails",
            "docker pull nginx:2024.06.12 fails",
            // holidays and laws in other languages
            "ゴールデンウィーク期間（4月29日〜5月6日）は休業いたします",
            "a rendelet 2024. január 1-jétől hatályos",
            "Kanunu 7 Nisan 2016 tarihinde yürürlüğe girdi",
            "Wypisz dni wolne: 1 stycznia, 6 stycznia, 3 maja",
            // changelog headings
            "## [2.4.0] - 2024-02-12",
            // lists and ranges share the verdict of their first date
            "UK bank holidays in 2025: 1 January, 18 April, 21 April and 5 May.",
            "the office will be closed from 24.12.2025 to 01.01.2026",
            // a CJK counter is no time; an iCalendar record's creation stamp is the system's
            "会议记录：共 3点 意见需要回复",
            "BEGIN:VEVENT\nDTSTAMP:20250401T120000Z\nEND:VEVENT",
            // a quoted e-mail's attribution line (challenge2 ch2-0082)
            "On Tue, Mar 4, 2025, Dana Cho <dana.cho@example.com> wrote:\n> see you",
            "Le 4 mars 2025 à 10:12, Paul <paul@example.fr> a écrit :",
            // opening hours and public tours in other languages; a range's second
            // end shares the first's verdict ("de 10h à 18h")
            "Le musée ouvre de 10h à 18h, visites guidées à 14h30.",
            "my flight desk is on the 12th floor",
            "the battle of Waterloo on 18 June 1815",
            "migrate the services before the freeze on December 12, 2025;",
            // listings, reports, school-wide days, tax years (challenge 10)
            "$920/week, bond 4 weeks. Open for inspection Thu 7 May 2026 11:00–11:15.",
            // words that "trip" and "meet" start
            "INC-2211: the breaker tripped at 03:12 and again at 03:40",
            "The Rust meetup meets every Thursday at 18:30.",
            "Open house Sat & Sun 2–4 pm.",
            "Serious offers only; no phone calls after 9 pm.",
            "SCREENING REPORT — generated 2026-02-11 09:14",
            "First day of school for all students: September 9, 2026",
            "Hi payroll, my P60 for the year to 5 April 2026 shows the wrong tax code.",
            "the release is on the 12th.",
            "Payroll: paid semi-monthly on the 15th and the last business day.",
            // challenge 10: a law in force, a fixture, earnings, a forecast, a
            // statement period
            "the GDPR has applied since 25 May 2018.",
            "Next fixture: Fri 13 Mar 2026 at 19:45, away to Everton.",
            "Prognos för måndag 20 juli 2026: 27 °C som högst",
            "Statement period ending 28 February 2026.",
            "Statement period: 1–28 February 2026.",
            "The survey (n = 4,183; fieldwork 3–17 February 2026) found 33.2 % support",
            "Pay dates: Jan 9, 2026, Jan 23, 2026, Feb 6, 2026.",
            "NOTICE OF PLANNED MAINTENANCE\nRef. #256587\nWorks start 25/08/2025 and last 18 days.",
            "Šarže 71C460, použitelné do 05/2027.",
            "- Sametová revoluce začala 17. listopadu 1989.",
            "La Revolución Cubana triunfó el 1 de enero de 1959.",
            "nationaldagen 6 juni, midsommardagen 20 juni 2026",
            "O museu abre das 10h às 18h, visitas guiadas às 15h.",
            "El museo abre de 10:00 a 20:00 y hay visitas guiadas a las 12:00.",
            // an on-call engineer, a service switched off, deadlines
            "17:04 on-call acknowledges; error rate 7.2%",
            "The legacy v1 REST API will be switched off on 12 Oct 2026.",
            "Die Frist für die Einkommensteuererklärung 2024 endet am 31. Juli 2025.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn table_header_decides() {
        let text = "name,dob,city\nAnn,1990-01-02,Leeds\nBo,1985-07-08,York\n";
        assert_eq!(found(text), vec!["1990-01-02", "1985-07-08"]);
        // a claims table names its people by role (challenge 11)
        let text = "| Claim | Policyholder | Incident date | Amount |\n|---|---|---|---|\n| CL62210016 | Kylie Phelps | 2023-06-27 | USD 25,240 |\n";
        assert_eq!(found(text), vec!["2023-06-27"]);
        // a personal event in a header word (snake_case, or only in a header)
        let text = "name;doc_type;state;travel_date\nChloe M;PASSPORT;;2024-07-02\nDan D;DL;MD;2025-11-19\n";
        assert_eq!(found(text), vec!["2024-07-02", "2025-11-19"]);
        let text = "claim_no\tmember_id\tservice_date\tbilled\nCLM-1\tZGP3\t2025-04-11\t21.0\nCLM-2\tU88\t2024-04-26\t28.7\n";
        assert_eq!(found(text), vec!["2025-04-11", "2024-04-26"]);
        // a system's or the public's event
        let text = "name,created_at,plan\nAnn,2024-01-02,pro\nBo,2024-03-04,free\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
        // a plain "Date" column: someone's dates in a table about people, a
        // system's in any other (metrics, a DHCP log)
        let text = "| Employee | Start | Team |\n|---|---|---|\n| Ann Lee | 03/01/2022 | ops |\n| Bo Chan | 10/15/2019 | dev |\n";
        assert_eq!(found(text), vec!["03/01/2022", "10/15/2019"]);
        let text = "date,region,build,requests\n2024-08-09,eu-west-1,10.0.17990.3845,599257\n2025-02-07,us-east-2,5.19.17,243559\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
        let text =
            "ID,Date,Description,Host Name\n10,03/04/25,Assign,LAPTOP-1\n11,03/04/25,Renew,PRN-3\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }
}

//! Where an address or place name begins and ends.
//!
//! The model reads addresses well but cuts their edges: it leaves the closing
//! bracket of a province code ("Ficarra (ME" of "Ficarra (ME)"), the state after
//! a slash ("Araújo" of "Araújo / PA") or the unit word before a number ("3,
//! Stanley Fords" of "Flat 3, Stanley Fords"), and runs on into what follows
//! ("GU 63775, new personal email", "7520AV, Scharwoude: USD 44,780"). [`snap`]
//! mends those edges by the written shape of addresses alone; a place's inner
//! words are the model's.

/// Words that open an address before its number or street name, which the
/// model sometimes leaves out: unit words and street types written first.
const OPENING_WORDS: &[&str] = &[
    "Flat",
    "Apt",
    "Apt.",
    "Apartment",
    "Unit",
    "Suite",
    "Ste",
    "Room",
    "Paseo",
    "Calle",
    "Avenida",
    "Rua",
    "Travessa",
    "Via",
    "Viale",
    "Piazza",
    "Strada",
    "Corso",
    "Rue",
    "Boulevard",
    "Chemin",
    "Allée",
];

/// A place span `[start, end)` of `text` with its edges mended.
pub fn snap(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut e = cut_trailer(text, start, end);
    e = close_bracket(text, start, e);
    e = take_state_after_slash(text, e);
    (take_opening_word(text, start), e)
}

/// `end` before what follows an address: `": USD 44,780"` (a colon and what it
/// introduces) and `", new personal email"` (a comma and lower-case words).
fn cut_trailer(text: &str, start: usize, end: usize) -> usize {
    let span = &text[start..end];
    let mut cut = span.len();
    if let Some(i) = span.find(": ") {
        cut = cut.min(i);
    }
    // (only where the place is written with capitals: "orlando west, soweto")
    if let Some(i) = span[..cut].rfind(", ") {
        let after = &span[i + 2..cut];
        let capitals = span[..i].chars().any(char::is_uppercase);
        if capitals && !after.is_empty() && after.chars().all(|c| c.is_lowercase() || c == ' ') {
            cut = i;
        }
    }
    start + span[..cut].trim_end_matches([',', ' ', ';']).len()
}

/// `end` after the `)` that closes a bracket opened in the span ("(ME" + ")").
fn close_bracket(text: &str, start: usize, end: usize) -> usize {
    let span = &text[start..end];
    let open = span.matches('(').count() > span.matches(')').count();
    if open && text[end..].starts_with(')') {
        end + 1
    } else {
        end
    }
}

/// `end` after a state code written after a slash ("Araújo" + " / PA").
fn take_state_after_slash(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let Some(after) = rest.strip_prefix(" / ").or_else(|| rest.strip_prefix('/')) else {
        return end;
    };
    let code: String = after.chars().take_while(char::is_ascii_uppercase).collect();
    let boundary = !after[code.len()..].starts_with(char::is_alphanumeric);
    if code.len() == 2 && boundary {
        end + (rest.len() - after.len()) + 2
    } else {
        end
    }
}

/// `start` before a unit word or street type right before the span ("Flat" +
/// " 3, Stanley Fords"), on the same line.
fn take_opening_word(text: &str, start: usize) -> usize {
    let head = &text[..start];
    let Some(head) = head.strip_suffix(' ') else {
        return start;
    };
    let ws = super::org_bounds::last_word_start(head);
    if OPENING_WORDS.contains(&&head[ws..]) {
        ws
    } else {
        start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_edges_are_mended() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "address Via Ettore, 0, 98062, Ficarra (ME), ide",
                "Via Ettore, 0, 98062, Ficarra (ME",
                "Via Ettore, 0, 98062, Ficarra (ME)",
            ),
            (
                "header:\nJudith Jordan\nFlat 3, Stanley Fords, NR0R 2XU | +44",
                "3, Stanley Fords, NR0R 2XU",
                "Flat 3, Stanley Fords, NR0R 2XU",
            ),
            (
                "Gil Amaya\nPaseo Cecilia Monreal 28 Piso 8, Sevilla, 27082 |",
                "Cecilia Monreal 28 Piso 8, Sevilla, 27082",
                "Paseo Cecilia Monreal 28 Piso 8, Sevilla, 27082",
            ),
            (
                "address to 12209 Jill Field, Phillipsberg, GU 63775, new personal email",
                "12209 Jill Field, Phillipsberg, GU 63775, new personal",
                "12209 Jill Field, Phillipsberg, GU 63775",
            ),
            (
                "for Jayson de Roos, Femsteeg 432, 7520AV, Scharwoude: USD 44,780 received",
                "Femsteeg 432, 7520AV, Scharwoude: USD 44,780",
                "Femsteeg 432, 7520AV, Scharwoude",
            ),
            (
                "is Morro Pimenta, 42, Casa Branca, 80432342 Araújo / PA. Thanks",
                "Morro Pimenta, 42, Casa Branca, 80432342 Araújo",
                "Morro Pimenta, 42, Casa Branca, 80432342 Araújo / PA",
            ),
            // what is whole stays whole
            (
                "lives at 5 Main St, Springfield (near the park)",
                "5 Main St, Springfield",
                "5 Main St, Springfield",
            ),
            ("moved to Leeds / York", "Leeds", "Leeds"),
            ("moved to Leeds, York", "Leeds, York", "Leeds, York"),
            (
                "at lerato's place in orlando west, soweto this",
                "orlando west, soweto",
                "orlando west, soweto",
            ),
        ];
        for (text, part, want) in cases {
            let s = text.find(part).expect("part is in text");
            let (s, e) = snap(text, s, s + part.len());
            assert_eq!(&text[s..e], *want, "in {text:?}");
        }
    }
}

//! Tokenization and windowing: the model sees at most 512 tokens at a time, so a
//! long text is cut into overlapping windows, and each token takes its prediction
//! from the window where it sits furthest from an edge (most context on both
//! sides). An entity that straddles a cut is therefore decoded once, from the
//! window that saw all of it.

use std::path::Path;

use super::NerError;

/// The model's window (512 tokens) less `[CLS]` and `[SEP]`.
const MAX_WINDOW_TOKENS: usize = 510;

/// The model's tokenizer with its special tokens.
#[derive(Debug)]
pub struct Tok {
    tokenizer: tokenizers::Tokenizer,
    pub cls: i64,
    pub sep: i64,
    pub pad: i64,
}

/// One tokenized text (no special tokens). Offsets are byte offsets.
#[derive(Debug, Clone)]
pub struct Encoded {
    pub ids: Vec<i64>,
    pub offsets: Vec<(usize, usize)>,
    pub words: Vec<Option<u32>>,
}

/// A slice `[start, end)` of the tokens of text `doc`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
}

impl Tok {
    /// Load `tokenizer.json`, with its own truncation and padding turned off (we
    /// window and pad ourselves).
    pub fn load(path: &Path) -> Result<Tok, NerError> {
        let mut tokenizer = tokenizers::Tokenizer::from_file(path)
            .map_err(|e| NerError::Unavailable(format!("{}: {e}", path.display())))?;
        tokenizer
            .with_truncation(None)
            .map_err(|e| NerError::Unavailable(format!("{}: {e}", path.display())))?;
        tokenizer.with_padding(None);
        let id = |t: &str| {
            tokenizer
                .token_to_id(t)
                .map(i64::from)
                .ok_or_else(|| NerError::Unavailable(format!("{}: no {t} token", path.display())))
        };
        Ok(Tok {
            cls: id("[CLS]")?,
            sep: id("[SEP]")?,
            pad: id("[PAD]").unwrap_or(0),
            tokenizer,
        })
    }

    /// Tokens per window, leaving room for `[CLS]` and `[SEP]`.
    pub fn max_tokens(&self) -> usize {
        MAX_WINDOW_TOKENS
    }

    /// Tokenize one text.
    pub fn encode(&self, text: &str) -> Result<Encoded, NerError> {
        let enc = self
            .tokenizer
            .encode(text, false)
            // The tokenizer's error may quote the input: do not pass it on.
            .map_err(|_| NerError::Inference("tokenization failed".into()))?;
        let mut out = Encoded {
            ids: enc.get_ids().iter().map(|&i| i64::from(i)).collect(),
            offsets: enc.get_offsets().to_vec(),
            words: enc.get_word_ids().to_vec(),
        };
        shorten_opaque_words(text, &mut out);
        Ok(out)
    }
}

/// Characters from which a word of letters and digits mixed is opaque.
const OPAQUE_WORD_BYTES: usize = 16;

/// Word pieces an opaque word keeps.
const OPAQUE_WORD_PIECES: usize = 4;

/// Keep only the first [`OPAQUE_WORD_PIECES`] word pieces of each opaque word: a
/// run of 16 or more letters and digits mixed (keys, hashes, base64, compact
/// identifiers). Such a word splits into many pieces that tell the model nothing
/// (it is never a name or a place, and the pattern detectors judge it), yet they
/// cost as much inference as prose: in the dev corpus they are about a tenth of
/// all tokens. The first pieces stay so the model still sees what kind of thing
/// stands there (cutting to one piece made it misread the words around an IBAN).
fn shorten_opaque_words(text: &str, enc: &mut Encoded) {
    let n = enc.ids.len();
    let mut keep = vec![true; n];
    let mut t = 0;
    while t < n {
        let mut end = t + 1;
        if enc.words[t].is_some() {
            while end < n && enc.words[end] == enc.words[t] {
                end += 1;
            }
        }
        let word = text
            .get(enc.offsets[t].0..enc.offsets[end - 1].1)
            .unwrap_or("");
        let opaque = end - t > OPAQUE_WORD_PIECES
            && word.len() >= OPAQUE_WORD_BYTES
            && word.bytes().all(|c| c.is_ascii_alphanumeric())
            && word.bytes().any(|c| c.is_ascii_digit())
            && word.bytes().any(|c| c.is_ascii_alphabetic());
        if opaque {
            keep[t + OPAQUE_WORD_PIECES..end]
                .iter_mut()
                .for_each(|k| *k = false);
        }
        t = end;
    }
    if keep.iter().all(|&k| k) {
        return;
    }
    retain_kept(&mut enc.ids, &keep);
    retain_kept(&mut enc.offsets, &keep);
    retain_kept(&mut enc.words, &keep);
}

/// Keep the items of `v` whose flag in `keep` is set.
fn retain_kept<T>(v: &mut Vec<T>, keep: &[bool]) {
    let mut flags = keep.iter();
    v.retain(|_| flags.next().copied().unwrap_or(true));
}

/// Cut a text's tokens into windows of at most `max` tokens, consecutive windows
/// sharing `overlap` tokens.
pub fn split(doc: usize, enc: &Encoded, max: usize, overlap: usize) -> Vec<Window> {
    let n = enc.ids.len();
    if n == 0 {
        return Vec::new();
    }
    if n <= max {
        return vec![Window {
            doc,
            start: 0,
            end: n,
        }];
    }
    let stride = max.saturating_sub(overlap).max(1);
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let end = (start + max).min(n);
        out.push(Window { doc, start, end });
        if end == n {
            break;
        }
        start = if end + stride > n {
            n - max
        } else {
            start + stride
        };
    }
    out
}

/// Shortest text, in tokens, worth cutting for parallel inference: below it a
/// window costs less than the overlap and the hand-over would add.
const MIN_SPLIT_TOKENS: usize = 128;

/// Tokens shared by windows cut for parallel inference: enough context on each
/// side of a cut for a name or an address (each token is decoded from the window
/// where it is most central).
const SPLIT_OVERLAP_TOKENS: usize = 48;

/// Cut one text into about `parts` windows of equal length that overlap by
/// [`SPLIT_OVERLAP_TOKENS`], so that `parts` workers can share it; short texts
/// stay whole.
pub fn split_across(doc: usize, enc: &Encoded, parts: usize) -> Vec<Window> {
    let n = enc.ids.len();
    let max = MAX_WINDOW_TOKENS;
    if parts <= 1 || n < MIN_SPLIT_TOKENS {
        return split(doc, enc, max, SPLIT_OVERLAP_TOKENS);
    }
    let len = (n + (parts - 1) * SPLIT_OVERLAP_TOKENS).div_ceil(parts);
    split(doc, enc, len.min(max), SPLIT_OVERLAP_TOKENS)
}

/// Per-token class probabilities for every text, from the windows' logits
/// (`logits[w]` holds `(end - start) * n_labels` values for window `w`).
pub fn assemble(
    encoded: &[Encoded],
    windows: &[Window],
    logits: &[Vec<f32>],
    n_labels: usize,
) -> Vec<Vec<Vec<f32>>> {
    /// For one token: how central it was in the window that gave it, and its row.
    type Best = Option<(usize, Vec<f32>)>;
    let mut out: Vec<Vec<Best>> = encoded.iter().map(|e| vec![None; e.ids.len()]).collect();
    for (w, rows) in windows.iter().zip(logits) {
        for (i, slot) in out[w.doc][w.start..w.end].iter_mut().enumerate() {
            let t = w.start + i;
            let centrality = (t - w.start).min(w.end - 1 - t);
            if slot.as_ref().is_some_and(|(c, _)| *c >= centrality) {
                continue;
            }
            let Some(row) = rows.get(i * n_labels..(i + 1) * n_labels) else {
                continue;
            };
            *slot = Some((centrality, softmax(row)));
        }
    }
    out.into_iter()
        .map(|doc| {
            doc.into_iter()
                .map(|s| s.map(|(_, p)| p).unwrap_or_default())
                .collect()
        })
        .collect()
}

fn softmax(row: &[f32]) -> Vec<f32> {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f32> = row.iter().map(|&x| (x - max).exp()).collect();
    let sum: f32 = exps.iter().sum();
    exps.into_iter().map(|e| e / sum).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens as a WordPiece tokenizer would give them: `(word, piece ends)`.
    fn encoded(text: &str, words: &[(usize, &[usize])]) -> Encoded {
        let mut enc = Encoded {
            ids: Vec::new(),
            offsets: Vec::new(),
            words: Vec::new(),
        };
        for (w, &(start, ends)) in words.iter().enumerate() {
            let mut s = start;
            for &e in ends {
                enc.ids.push(enc.ids.len() as i64);
                enc.offsets.push((s, e));
                enc.words.push(Some(w as u32));
                s = e;
            }
        }
        assert!(enc.offsets.iter().all(|&(s, e)| text.get(s..e).is_some()));
        enc
    }

    #[test]
    fn opaque_words_keep_only_their_first_pieces() {
        let text = "key 9f8e7d6c5b4a39281706 for Anneliese";
        let mut enc = encoded(
            text,
            &[
                (0, &[3]),
                (4, &[6, 8, 10, 12, 14, 18, 24]),
                (25, &[28]),
                (29, &[33, 36, 38]),
            ],
        );
        shorten_opaque_words(text, &mut enc);
        let pieces: Vec<&str> = enc.offsets.iter().map(|&(s, e)| &text[s..e]).collect();
        // The hex run keeps four pieces; the name (letters only) keeps all of its own.
        assert_eq!(
            pieces,
            ["key", "9f", "8e", "7d", "6c", "for", "Anne", "lie", "se"]
        );
        assert_eq!(enc.ids.len(), enc.words.len());
        let words: Vec<u32> = enc.words.iter().flatten().copied().collect();
        assert_eq!(words, [0, 1, 1, 1, 1, 2, 3, 3, 3]);
    }

    fn enc(n: usize) -> Encoded {
        Encoded {
            ids: vec![1; n],
            offsets: (0..n).map(|i| (i, i + 1)).collect(),
            words: (0..n).map(|i| Some(i as u32)).collect(),
        }
    }

    #[test]
    fn windows_cover_everything_with_overlap() {
        assert_eq!(split(0, &enc(0), 10, 3), vec![]);
        assert_eq!(
            split(0, &enc(7), 10, 3),
            vec![Window {
                doc: 0,
                start: 0,
                end: 7
            }]
        );
        let w = split(1, &enc(25), 10, 3);
        assert_eq!(w.first().map(|w| w.start), Some(0));
        assert_eq!(w.last().map(|w| w.end), Some(25));
        for pair in w.windows(2) {
            assert!(pair[1].start < pair[0].end, "consecutive windows overlap");
            assert!(pair[1].end - pair[1].start <= 10);
        }
    }

    #[test]
    fn tokens_take_the_most_central_window() {
        let e = enc(12);
        let windows = split(0, &e, 8, 4);
        // logits: window k votes for label k on every token
        let logits: Vec<Vec<f32>> = windows
            .iter()
            .enumerate()
            .map(|(k, w)| {
                (w.start..w.end)
                    .flat_map(|_| (0..3).map(move |l| if l == k { 10.0 } else { 0.0 }))
                    .collect()
            })
            .collect();
        let probs = assemble(&[e], &windows, &logits, 3);
        let winner = |t: usize| {
            probs[0][t]
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .map(|(i, _)| i)
                .unwrap()
        };
        assert_eq!(winner(0), 0);
        assert_eq!(winner(11), windows.len() - 1);
        assert_eq!(probs[0].len(), 12);
    }
}

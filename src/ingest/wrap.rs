//! Hard-wrapped text: wire copy, e-mail and text exported from PDFs break every line at a
//! fixed width, so a paragraph arrives as several lines and a name or a sentence is cut in
//! two ("a ceasefire proposed by President Vladimir" / "Putin"). Layout reads a line as a
//! block, so such a paragraph is first put back on one line.
//!
//! The change keeps every byte offset: a soft line break becomes a space. A text is taken
//! as hard-wrapped only when most of its long lines end near one width of at most 110
//! characters; a line is joined to the next when it reaches that width (a paragraph's
//! last line is shorter) and the next line is not indented. Text written one paragraph a
//! line, the usual case, is left as it is.

/// The widest wrap taken for hard wrapping; paragraphs written on one line are longer.
const MAX_WIDTH: usize = 110;

/// Lines shorter than this are headings, bylines or list items, not wrapped prose.
const MIN_WIDTH: usize = 40;

/// `text` with the soft line breaks of hard-wrapped paragraphs made spaces (same length,
/// same offsets); given back untouched when the text is not hard-wrapped.
pub fn unwrap_paragraphs(mut text: String) -> String {
    // each line's span and length in characters, counted once
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        lines.push((at, at + line.len(), line.chars().count()));
        at += line.len() + 1;
    }
    let Some(width) = wrap_width(lines.iter().map(|&(_, _, n)| n)) else {
        return text;
    };
    let mut joins = Vec::new();
    let mut first_line = true;
    for pair in lines.windows(2) {
        let ((start, end, len), (next_start, next_end, _)) = (pair[0], pair[1]);
        let (line, next) = (&text[start..end], &text[next_start..next_end]);
        let blank = line.trim().is_empty();
        // a headline set directly above the story stays a line of its own
        let headline = first_line && next.starts_with(char::is_uppercase);
        let indented = next.starts_with(char::is_whitespace);
        if !blank
            && !next.trim().is_empty()
            && !indented
            && !headline
            && len * 10 >= width * 7
            && len <= MAX_WIDTH
        {
            joins.push(end);
        }
        first_line &= blank;
    }
    for at in joins {
        text.replace_range(at..at + 1, " ");
    }
    text
}

/// The width a text is wrapped at, when it is hard-wrapped: the width most of its prose
/// lines reach, if at least three lines reach it, hardly any line runs past it and it is
/// at most [`MAX_WIDTH`]. `lengths` are the lines' lengths in characters.
fn wrap_width(lengths: impl Iterator<Item = usize>) -> Option<usize> {
    let mut lens: Vec<usize> = lengths.filter(|&n| n >= MIN_WIDTH).collect();
    if lens.len() < 3 {
        return None;
    }
    lens.sort_unstable();
    // the 80th percentile: a few long lines (a URL, a table) do not set the width
    let width = lens[(lens.len() - 1) * 4 / 5];
    let near = lens.iter().filter(|&&n| n * 10 >= width * 8).count();
    // lines written one paragraph each vary in length and many run past any such width
    let over = lens.iter().filter(|&&n| n * 10 > width * 11).count();
    (width <= MAX_WIDTH && near >= 3 && near * 2 >= lens.len() && over * 10 <= lens.len())
        .then_some(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_paragraph_is_one_line_again() {
        let text = "Talks on the border\n\n\
                    OSLO, May 4 - Foreign Minister Anna Berg backed a ceasefire\n\
                    proposed by President Tomas Vale of Ostland on Friday, her\n\
                    ministry said, adding that the talks would go on in Bergen\n\
                    next week.\n\
                    \n\
                    The two sides last met in March, when a first round of talks\n\
                    ended without a deal on the border towns or on the prisoners.\n";
        let out = unwrap_paragraphs(text.to_string());
        assert_eq!(out.len(), text.len());
        assert!(out.contains("backed a ceasefire proposed by President Tomas Vale of Ostland"));
        assert!(out.contains("next week.\n\nThe two sides"), "{out}");
        assert!(out.starts_with("Talks on the border\n\nOSLO"), "{out}");
        // every byte but the joined breaks is the same
        let changed = text
            .bytes()
            .zip(out.bytes())
            .filter(|(a, b)| a != b)
            .all(|(a, b)| a == b'\n' && b == b' ');
        assert!(changed);
    }

    #[test]
    fn text_of_one_paragraph_a_line_is_left_alone() {
        let text = "Talks on the border\n\
                    Foreign Minister Anna Berg met President Tomas Vale of Ostland on Friday in Oslo, her ministry said in a statement.\n\
                    The two sides last met in March, when a first round of talks ended without a deal on the border towns.\n\
                    They will meet again in Bergen next week, the statement said, and the prisoners will be the first item.\n";
        assert_eq!(unwrap_paragraphs(text.to_string()), text);
        // short lines (a list, a table) are not wrapped prose either
        let list = "Results\nOstland 2 Westland 1\nNorland 0 Southland 0\nEastland 3 Midland 1\n";
        assert_eq!(unwrap_paragraphs(list.to_string()), list);
    }

    #[test]
    fn a_headline_right_above_the_story_stays_apart() {
        let text = "Ministers back ceasefire proposed by Ostland at border talks\n\
                    Foreign Minister Anna Berg backed a ceasefire proposed by\n\
                    President Tomas Vale of Ostland on Friday, her ministry said,\n\
                    adding that talks would go on in Bergen next week with both\n\
                    sides.\n";
        let out = unwrap_paragraphs(text.to_string());
        assert!(out
            .starts_with("Ministers back ceasefire proposed by Ostland at border talks\nForeign"));
        assert!(out.contains("proposed by President Tomas Vale"), "{out}");
    }
}

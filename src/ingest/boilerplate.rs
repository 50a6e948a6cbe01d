//! Telling web-page furniture from article text, and cleaning site names off titles.
//!
//! Articles copied from web pages drag along the page around them: comment prompts ("Leave a
//! Reply", "log in or register"), navigation ("Exit mobile version", "Share this"), photo
//! credits ("© Agency / Name", "Photo: ...", "(Image: Getty)"), teasers for other stories (a
//! picture caption stamped "- Outlet, 1920, 25.01.2022" followed by that story's headline),
//! cross-references ("See also ...", "Read more ..."), site mastheads and taglines, and lone
//! lower-case tag words. [`mark_boilerplate`] marks such paragraphs by general rules about their
//! shape and wording, never by listing known lines, and leans towards precision: a real sentence
//! of an article must never be marked, so every rule asks for a short paragraph or a tell-tale
//! shape as well as a cue.
//!
//! It is not a content classifier: headings, pull quotes and sub-headlines of the article stay
//! article text. A site suffix on a title ("... | News") is not a paragraph of its own either;
//! [`clean_title`] strips it.
//!
//! [`Stamp`] (the outlet's mark on captions and mastheads) is public because the date and source
//! rules read the same marks.

use std::cell::OnceCell;

use chrono::NaiveDate;

use super::dates::parse_date;

/// Furniture is short; a paragraph longer than this is never marked by a cue phrase.
const CUE_MAX_WORDS: usize = 25;
/// Photo captions with credits run a little longer than other furniture.
const CAPTION_MAX_WORDS: usize = 40;
/// A headline teased after a stamp is a single short line.
const HEADLINE_MAX_WORDS: usize = 25;
/// A tag line is one to three lower-case words.
const TAG_MAX_WORDS: usize = 3;
/// An author's note closes the article: it stands among its last paragraphs.
const AUTHOR_NOTE_WITHIN: usize = 3;
/// A masthead sits at the very top of the page.
const MASTHEAD_WITHIN: usize = 3;

/// Marks each paragraph that is web-page furniture rather than article text (same length, in order).
/// Date stamps ([`is_date_stamp`]) are furniture here: they are not searched.
pub fn mark_boilerplate(paragraphs: &[&str]) -> Vec<bool> {
    with_stamps_marked(paragraphs, mark_furniture_around_stamps(paragraphs))
}

/// [`mark_boilerplate`] from the marks [`mark_furniture_around_stamps`] gave the same
/// paragraphs: those marks with the date stamps added. A caller that needs both marks the
/// paragraphs once (no other rule reads whether a stamp was marked).
pub fn with_stamps_marked(paragraphs: &[&str], mut furniture: Vec<bool>) -> Vec<bool> {
    for (mark, paragraph) in furniture.iter_mut().zip(paragraphs) {
        *mark = *mark || is_date_stamp(paragraph);
    }
    furniture
}

/// As [`mark_boilerplate`], but a date stamp is left unmarked: the date and source rules read
/// datelines and the lead from these marks, and a stamp is where a dateline stands.
pub fn mark_furniture_around_stamps(paragraphs: &[&str]) -> Vec<bool> {
    let paras: Vec<Para> = paragraphs.iter().map(|p| Para::new(p)).collect();
    let mut marks: Vec<bool> = paras
        .iter()
        .enumerate()
        .map(|(i, para)| {
            let paragraph = paragraphs[i];
            is_furniture(para)
                || (i < MASTHEAD_WITHIN && is_masthead(paragraph))
                || (is_tag_line(paragraph) && !continues_a_sentence(paragraphs, i))
                || (i + AUTHOR_NOTE_WITHIN >= paragraphs.len() && is_author_note(paragraph))
        })
        .collect();
    mark_teased_headlines(paragraphs, &mut marks);
    mark_comment_section(&paras, &mut marks);
    marks
}

/// The most words [`Para`] counts: one more than the largest limit a rule asks about.
const WORDS_COUNTED: usize = 2 * CAPTION_MAX_WORDS + 1;

/// A paragraph as the furniture rules read it. Each paragraph is asked by up to seventeen
/// rules, most of which count its words or compare its lower-case form with cue phrases, so
/// both are worked out once here rather than in every rule (they were most of the cost of
/// ingesting an article).
struct Para<'a> {
    /// The paragraph without the white space around it.
    text: &'a str,
    /// How many words it has, counted up to [`WORDS_COUNTED`].
    words: usize,
    /// [`normalized`] text between two spaces, made when a rule first asks for it.
    padded: OnceCell<String>,
}

impl<'a> Para<'a> {
    fn new(paragraph: &'a str) -> Self {
        let text = paragraph.trim();
        Para {
            text,
            words: text.split_whitespace().take(WORDS_COUNTED).count(),
            padded: OnceCell::new(),
        }
    }

    /// At most `max_words` words (`max_words` below [`WORDS_COUNTED`]).
    fn is_short(&self, max_words: usize) -> bool {
        debug_assert!(max_words < WORDS_COUNTED);
        self.words <= max_words
    }

    /// Lower case with runs of white space made single spaces, for comparing with cue phrases.
    fn normalized(&self) -> &str {
        let padded = self.padded();
        &padded[1..padded.len() - 1]
    }

    /// [`Para::normalized`] between two spaces, so that a cue can ask for whole words.
    fn padded(&self) -> &str {
        self.padded
            .get_or_init(|| format!(" {} ", normalized(self.text)))
    }
}

/// Furniture that can be told from the paragraph alone.
fn is_furniture(paragraph: &Para) -> bool {
    is_page_control(paragraph)
        || is_comment_prompt(paragraph)
        || is_photo_credit(paragraph)
        || is_dated_stamp(paragraph.text)
        || is_cross_reference(paragraph)
        || is_site_tagline(paragraph)
        || is_reading_prompt(paragraph)
        || is_share_row(paragraph)
        || is_cookie_notice(paragraph)
        || is_advertising_label(paragraph)
        || is_counter(paragraph)
        || is_newsletter_signup(paragraph)
        || is_byline(paragraph)
        || is_breadcrumb(paragraph)
        || is_reading_meta(paragraph)
        || is_tag_list(paragraph)
        || is_promotion(paragraph)
}

/// A label about the page rather than the story: reading time or view counts ("Lesezeit: ca.
/// 3 Minuten", "5 min read", "Post Views: 1.432").
fn is_reading_meta(p: &Para) -> bool {
    const LABELS: [&str; 7] = [
        "reading time",
        "lesezeit",
        "tempo di lettura",
        "temps de lecture",
        "tiempo de lectura",
        "post views",
        "views:",
    ];
    if !p.is_short(6) {
        return false;
    }
    let text = p.normalized();
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    LABELS.iter().any(|label| text.starts_with(label))
        || ((text.ends_with("min read") || text.ends_with("min. read"))
            && text.starts_with(|c: char| c.is_ascii_digit()))
}

/// A short paragraph of figures without a single letter: a view or share counter ("12,9",
/// "17302"), a lone list number. Nothing in it can be searched for or said. (A rule of dashes
/// has no figure and is left to the paragraph rules.)
///
/// A date alone ("31.10.2023") is a dateline, which the date rules read only from paragraphs
/// that are not furniture, so it is never a counter.
fn is_counter(p: &Para) -> bool {
    let paragraph = p.text;
    paragraph.chars().nth(24).is_none()
        && paragraph.chars().any(|c| c.is_ascii_digit())
        && !paragraph.chars().any(char::is_alphabetic)
        && super::dates::dates_in(paragraph).is_empty()
}

/// A breadcrumb: the path from the site's home page to the article, "You are here: Home /
/// Showbiz / ...", "Startseite > Politik > Ausland".
fn is_breadcrumb(p: &Para) -> bool {
    const HERE: [&str; 4] = [
        "you are here",
        "sie sind hier",
        "vous êtes ici",
        "usted está aquí",
    ];
    const HOMES: [&str; 7] = [
        "home",
        "startseite",
        "accueil",
        "inicio",
        "início",
        "home page",
        "главная",
    ];
    if !p.is_short(20) {
        return false;
    }
    let text = p.normalized();
    if HERE.iter().any(|here| text.starts_with(here)) {
        return true;
    }
    [" / ", " > ", " » ", " › "].iter().any(|separator| {
        let steps: Vec<&str> = text.split(separator).map(str::trim).collect();
        steps.len() >= 3 && HOMES.contains(&steps[0])
    })
}

/// A newsletter sign-up box: a short line naming a newsletter alone ("Newsletter", "Get the
/// Newsletter"), or a paragraph that asks the reader (second person) to sign up for one or
/// have news sent to their inbox, in the languages news sites use.
fn is_newsletter_signup(p: &Para) -> bool {
    const SUBJECTS: [&str; 3] = ["newsletter", "inbox", "e-mail"];
    const SIGN_UP: [&str; 15] = [
        "sign up",
        "signup",
        "subscribe",
        "subscribing",
        "register",
        "abonn",
        "anmeld",
        "inscri",
        "suscri",
        "iscriv",
        "registr",
        "bestell",
        "receive",
        "recevez",
        "receba",
    ];
    const READER: [&str; 16] = [
        "you", "your", " sie ", " ihr", " dein", " du ", "vous", "votre", "você", " seu", " sua ",
        "usted", " su ", " tu ", " ti ", "vostr",
    ];
    const OUTRIGHT: [&str; 6] = [
        "in your inbox",
        "to your inbox",
        "invalid email",
        "when you subscribe",
        "sign up now",
        "thank you for subscribing",
    ];
    // The small print of a sign-up form runs longer than other furniture.
    if !p.is_short(2 * CAPTION_MAX_WORDS) {
        return false;
    }
    let text = p.padded();
    let asks = p.is_short(12)
        && [" subscribe to ", " sign up for ", " join our "]
            .iter()
            .any(|ask| text.starts_with(ask));
    (p.is_short(4) && text.contains("newsletter"))
        || (asks && text.contains("newsletter"))
        || contains_any(text, &OUTRIGHT)
        || (p.is_short(CAPTION_MAX_WORDS)
            && contains_any(text, &SUBJECTS)
            && contains_any(text, &SIGN_UP)
            && contains_any(text, &READER))
}

/// A byline standing as a paragraph: "By Dana Whitlow 2020-02-20 13:52 UTC", "Von Jana
/// Hollerbach // 1. November 2023", "Posted by: Ana de Vries on February 18, 2020". After the
/// cue come only capitalised words (the name, an outlet, a role) and joining particles until
/// a date begins; after the date anything short may follow. "Von der Leyen said on Monday"
/// has a lower-case word before any date, so it stays text.
fn is_byline(p: &Para) -> bool {
    let paragraph = p.text;
    const CUES: [&str; 13] = [
        "by ",
        "by: ",
        "von ",
        "par ",
        "por ",
        "posted by ",
        "posted by: ",
        "written by ",
        "written by: ",
        "author: ",
        "autor: ",
        "geschrieben von ",
        "geschrieben von: ",
    ];
    // Joining words inside names ("Ana de Vries"), and the "on"/"am" before the date.
    const PARTICLES: [&str; 18] = [
        "de", "da", "di", "del", "van", "von", "der", "den", "la", "le", "du", "and", "und", "et",
        "y", "e", "on", "am",
    ];
    if !p.is_short(14) || paragraph.trim_end().ends_with(['.', '?', '!', ':']) {
        return false;
    }
    // Bylines set between rules: "| By Dana Whitlow | May 2, 2021".
    let paragraph = paragraph.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower = paragraph.to_lowercase();
    let Some(cue) = CUES
        .iter()
        .filter(|c| lower.starts_with(**c))
        .max_by_key(|c| c.len())
    else {
        return false;
    };
    // A joining word ("und") only after a comma, in a list of several names: "Von Risiken
    // und Nebenwirkungen" is a German heading, capitalised nouns and all.
    const CONJUNCTIONS: [&str; 5] = ["and", "und", "et", "y", "e"];
    let mut names = 0;
    let mut listed = false;
    for word in paragraph[cue.len()..].split_whitespace() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let first = word.chars().find(|c| c.is_alphanumeric());
        match first {
            Some(c) if c.is_ascii_digit() => break,
            Some(_) if CONJUNCTIONS.contains(&bare) && !listed => return false,
            Some(c) if c.is_uppercase() => names += 1,
            Some(_) if PARTICLES.contains(&bare) => {}
            Some(_) => return false,
            None => {}
        }
        listed |= word.ends_with(',');
    }
    names >= 2
}

/// A short line telling the reader the story goes on elsewhere on the page: "Continue reading
/// the main story", "Story continues below advertisement", "Article continues after this ad".
fn is_reading_prompt(p: &Para) -> bool {
    const PROMPTS: [&str; 6] = [
        "continue reading",
        "continues below",
        "continues after",
        "scroll to continue",
        "keep reading",
        "read the full story",
    ];
    p.is_short(8) && {
        let text = p.normalized();
        PROMPTS.iter().any(|prompt| text.starts_with(prompt))
            || (text.contains(" continues ") && contains_any(text, &["advert", " ad"]))
    }
}

/// A row of share buttons: a short line made almost only of sharing words and network names
/// ("Share on Facebook Share on Twitter Share via Email").
fn is_share_row(p: &Para) -> bool {
    let paragraph = p.text;
    const SHARE_WORDS: [&str; 24] = [
        "share",
        "shares",
        "on",
        "via",
        "by",
        "to",
        "facebook",
        "twitter",
        "x",
        "email",
        "e-mail",
        "mail",
        "whatsapp",
        "linkedin",
        "pinterest",
        "reddit",
        "telegram",
        "messenger",
        "print",
        "copy",
        "link",
        "tweet",
        "pin",
        "sms",
    ];
    if !p.is_short(20) {
        return false;
    }
    let words: Vec<String> = paragraph
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | ','))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let sharing = words
        .iter()
        .filter(|w| SHARE_WORDS.contains(&w.as_str()))
        .count();
    let networks = words
        .iter()
        .filter(|w| {
            matches!(
                w.as_str(),
                "facebook"
                    | "twitter"
                    | "whatsapp"
                    | "linkedin"
                    | "pinterest"
                    | "reddit"
                    | "telegram"
                    | "email"
                    | "e-mail"
            )
        })
        .count();
    words.len() >= 2 && networks >= 2 && sharing * 10 >= words.len() * 8
}

/// A cookie banner: a paragraph about the site's use of cookies and the reader's consent.
fn is_cookie_notice(p: &Para) -> bool {
    let paragraph = p.text;
    // Cues that the site speaks to its reader about its own cookies, not a report on them.
    const CONSENT: [&str; 11] = [
        "we use",
        "uses cookies",
        "use of cookies",
        "by continuing",
        "cookie policy",
        "cookie settings",
        "accept all",
        "accept cookies",
        "you agree",
        "you accept",
        "your consent",
    ];
    // Most paragraphs never name cookies: look before the costlier lower-casing.
    (paragraph.contains("ookie") || paragraph.contains("OOKIE")) && p.is_short(60) && {
        let text = p.normalized();
        text.contains("cookie") && contains_any(text, &CONSENT)
    }
}

/// A lone advertising label, in the languages news sites print it in ("Advertisement",
/// "Anzeige", "Publicidad", "Publicité", "Реклама", "広告").
fn is_advertising_label(p: &Para) -> bool {
    const LABELS: [&str; 24] = [
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "anzeige",
        "werbung",
        "publicidad",
        "publicidade",
        "publicité",
        "pubblicità",
        "advertentie",
        "reklame",
        "reklama",
        "reklam",
        "annons",
        "annonse",
        "mainos",
        "hirdetés",
        "реклама",
        "διαφήμιση",
        "広告",
        "广告",
        "광고",
        "إعلان",
    ];
    if !p.is_short(4) {
        return false;
    }
    let label = p.normalized();
    let label = label.trim_matches(|c: char| !c.is_alphanumeric());
    LABELS.contains(&label)
}

/// A paragraph that is nothing but a link or button label: "Exit mobile version", "Share this".
fn is_page_control(p: &Para) -> bool {
    let paragraph = p.text;
    const CONTROLS: [&str; 32] = [
        "subscribe",
        "download",
        "sign in",
        "be the first to know",
        "about the author",
        "über den autor",
        "über die autorin",
        "über den author",
        "à propos de l'auteur",
        "sobre el autor",
        "geschrieben von",
        "zum seitenanfang",
        "exit mobile version",
        "share this",
        "share this article",
        "share this story",
        "share",
        "tweet",
        "print",
        "email",
        "advertisement",
        "skip to content",
        "skip to main content",
        "back to top",
        "related",
        "related articles",
        "related stories",
        "more stories",
        "read more",
        "see also",
        "comments",
        "log in or register",
    ];
    // A control has at most five words, and so has the paragraph once the stops and colons
    // trimmed off its end below are gone: most paragraphs are not lower-cased here.
    let core =
        paragraph.trim_end_matches(|c: char| matches!(c, ':' | '.' | '…') || c.is_whitespace());
    if !is_short(core, 5) {
        return false;
    }
    let label = p.normalized();
    let label = label.trim_end_matches([':', '.', '…', ' ']);
    CONTROLS.contains(&label)
}

/// Invitations to comment, and the log-in wall in front of comments.
fn is_comment_prompt(p: &Para) -> bool {
    const PROMPTS: [&str; 13] = [
        "leave a reply",
        "leave a comment",
        "your email address will not be published",
        "required fields are marked",
        "to participate in the discussion",
        "log in or register",
        "login or register",
        "must be logged in to",
        "comments are closed",
        "post a comment",
        "sign in to comment",
        "log in to comment",
        "comment on this article",
    ];
    p.is_short(CUE_MAX_WORDS) && contains_any(p.normalized(), &PROMPTS)
}

/// Photo credits and caption labels: "© Agency / Name", "Photo: ...", "... (Image: Getty)".
fn is_photo_credit(p: &Para) -> bool {
    const LABELS: [&str; 22] = [
        "©",
        "(c) ",
        "copyright ©",
        "photo:",
        "photo credit",
        "photo by ",
        "photograph:",
        "image:",
        "image credit",
        "picture:",
        "credit:",
        "foto:",
        "fotos:",
        "bild:",
        "(image credit:",
        "bildquelle:",
        "titelbild:",
        "main image:",
        "header image:",
        "rubriklistenbild:",
        "фото:",
        "credits:",
    ];
    const CREDIT_BRACKETS: [&str; 8] = [
        "(image:",
        "(photo:",
        "(picture:",
        "(pic:",
        "(credit:",
        "(foto:",
        "(bild:",
        "(image credit:",
    ];
    /// A caption's credit after a dash: "... — Foto: Reprodução".
    const DASHED_CREDITS: [&str; 6] = [
        "— foto:",
        "- foto:",
        "– foto:",
        "— photo:",
        "- photo:",
        "– photo:",
    ];
    /// Picture agencies that stand alone under a picture.
    const AGENCIES: [&str; 8] = [
        "shutterstock",
        "getty images",
        "agencies",
        "imago images",
        "dpa",
        "afp",
        "epa",
        "reuters",
    ];
    if !p.is_short(CAPTION_MAX_WORDS) {
        return false;
    }
    let text = p.normalized();
    let ends_with_credit = text.ends_with(')')
        && text
            .rfind('(')
            .is_some_and(|open| CREDIT_BRACKETS.iter().any(|b| text[open..].starts_with(b)));
    let dashed_credit = DASHED_CREDITS
        .iter()
        .filter_map(|credit| text.rfind(credit))
        .any(|at| text[at..].split_whitespace().count() <= 6);
    LABELS.iter().any(|label| text.starts_with(label))
        || ends_with_credit
        || dashed_credit
        || AGENCIES.contains(&text.trim_matches(|c: char| !c.is_alphanumeric()))
        || text.contains("go to the mediabank")
        || text.ends_with("getty images")
}

/// A date stamp standing as a paragraph: "Updated 7:12 am PDT, Wednesday, May 6, 2020",
/// "Publié le mardi 3 mars 2020 à 09h15", "30.11.2020 18:14", "Posted: Mar 4, 2021 / 11:05
/// AM MDT". It is short and holds a day with its year (a month name, or a numeric day such as
/// `30.11.2020`), and every other word is a figure, a time, a zone, a weekday or a stamp label.
/// One word of anything else ("Updated guidance was published on May 6, 2020") keeps it text.
fn is_date_stamp(paragraph: &str) -> bool {
    const LABELS: [&str; 50] = [
        "updated",
        "update",
        "published",
        "posted",
        "last",
        "modified",
        "first",
        "date",
        "on",
        "at",
        "am",
        "pm",
        "a.m",
        "p.m",
        "uhr",
        "um",
        "veröffentlicht",
        "aktualisiert",
        "editiert",
        "zuletzt",
        "stand",
        "publié",
        "publiée",
        "mis",
        "à",
        "jour",
        "le",
        "de",
        "del",
        "el",
        "publicado",
        "actualizado",
        "atualizado",
        "em",
        "pubblicato",
        "aggiornato",
        "il",
        "alle",
        "ore",
        "입력",
        "수정",
        "the",
        "ultimo",
        "aggiornamento",
        "letzte",
        "aktualisierung",
        "erstveröffentlichung",
        "dernière",
        "son",
        "güncelleme",
    ];
    const WEEKDAYS: [&str; 42] = [
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
        "sun",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
        "lunedì",
        "martedì",
        "venerdì",
        "sabato",
    ];
    const ZONES: [&str; 22] = [
        "gmt", "utc", "bst", "cet", "cest", "msk", "est", "edt", "pst", "pdt", "et", "pt", "ct",
        "cst", "cdt", "mt", "mst", "mdt", "ist", "jst", "kst", "aest",
    ];
    if !is_short(paragraph, CUE_MAX_WORDS) || !paragraph.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut has_year = false;
    let mut has_day = false;
    for token in paragraph
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '·' | '•' | '–' | '—'))
        .map(|t| t.trim_matches(|c: char| matches!(c, ':' | '(' | ')' | '-' | '.')))
        .filter(|t| !t.is_empty())
    {
        let lower = token.to_lowercase();
        let figures = token.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = &lower[figures.len()..];
        if !figures.is_empty()
            && figures
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | '-' | 'h'))
            && ["", "h", "am", "pm", "st", "nd", "rd", "th", "uhr"].contains(&suffix)
        {
            let numbers: Vec<&str> = figures
                .split(['.', '-'])
                .filter(|n| !n.is_empty())
                .collect();
            let is_year = |n: &&str| n.len() == 4 && (n.starts_with("19") || n.starts_with("20"));
            has_year |= numbers.iter().any(is_year);
            // A numeric day: day, month and year in one word ("30.11.2020", "2020-11-30").
            has_day |= numbers.len() == 3 && numbers.iter().any(is_year);
        } else if super::page_dates::month_number(&lower).is_some() {
            has_day = true;
        } else if !(LABELS.contains(&lower.as_str())
            || WEEKDAYS.contains(&lower.as_str())
            || ZONES.contains(&lower.as_str()))
        {
            return false;
        }
    }
    has_year && has_day
}

/// A picture caption carrying the outlet's dated stamp: "... - Outlet, 1920, 25.01.2022".
fn is_dated_stamp(paragraph: &str) -> bool {
    Stamp::parse(paragraph).is_some_and(|stamp| stamp.date.is_some())
}

/// A site masthead: the outlet's stamp with nothing before it, "- Outlet, 1920".
fn is_masthead(paragraph: &str) -> bool {
    Stamp::parse(paragraph).is_some_and(|stamp| stamp.caption.is_empty())
}

/// Links to other stories: "See also ...", "Read more: ...", "Related: ...".
fn is_cross_reference(p: &Para) -> bool {
    const OPENINGS: [&str; 33] = [
        "te recomendamos",
        "te puede interesar",
        "further reading",
        "see also",
        "read more",
        "read also",
        "also read",
        "related:",
        "more:",
        "share this",
        "next story",
        "previous story",
        "read full article",
        "you might also like",
        "you might be interested",
        "you may also like",
        "most read",
        "most viewed",
        "most popular",
        "trending now",
        "top stories",
        "lesen sie auch",
        "lesen sie mehr",
        "mehr zum thema",
        "das könnte sie auch interessieren",
        "à lire aussi",
        "a lire aussi",
        "lire aussi",
        "leia também",
        "leia mais",
        "lee también",
        "leggi anche",
        "читайте также",
    ];
    p.is_short(CUE_MAX_WORDS) && OPENINGS.iter().any(|o| p.normalized().starts_with(o))
}

/// A site's promise about itself: "The latest news ... Stay tuned for updates ...".
fn is_site_tagline(p: &Para) -> bool {
    const CUES: [&str; 7] = [
        "stay tuned for",
        "the latest news and",
        "sign up for our",
        "subscribe to our",
        "follow us on",
        "all rights reserved",
        "download our app",
    ];
    p.is_short(CUE_MAX_WORDS) && contains_any(p.normalized(), &CUES)
}

/// A list of the page's tags or categories under its label: "Tags: Eigentum, Facebook, Open
/// Source", "Schlagwörter: Überwachung, Bonn", "Filed under: Politics", or the label alone
/// ("Themen:", "Categories"). The label must stand alone or end in a colon, and the list is
/// short and is no sentence, so "Tags are fitted to each bird." and "Themen wie Klimaschutz
/// spielten kaum eine Rolle." stay text.
fn is_tag_list(p: &Para) -> bool {
    let paragraph = p.text;
    const LABELS: [&str; 24] = [
        "tags",
        "tag",
        "tagged",
        "tagged with",
        "filed under",
        "topics",
        "category",
        "categories",
        "schlagwörter",
        "schlagworte",
        "stichwörter",
        "stichworte",
        "themen",
        "kategorie",
        "kategorien",
        "étiquettes",
        "mots-clés",
        "mots clés",
        "catégories",
        "etiquetas",
        "temas",
        "categorías",
        "argomenti",
        "categorie",
    ];
    if !p.is_short(CUE_MAX_WORDS) || paragraph.ends_with(['.', '!', '?']) {
        return false;
    }
    let text = p.normalized();
    LABELS.iter().any(|label| {
        text.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with(':')
        })
    })
}

/// The site promoting itself: its app ("Click here to get the Daily Ledger app", "Download the
/// … app") or its channels ("Follow us on …", "Folge uns auf Facebook", "Подписывайтесь на
/// наш канал"). Short, and the invitation opens the paragraph (or the app is named with a
/// download verb), so "Downloads of the app doubled, the company said." stays text.
fn is_promotion(p: &Para) -> bool {
    const FOLLOW: [&str; 10] = [
        "follow us",
        "follow our",
        "folge uns",
        "folgen sie uns",
        "suivez-nous",
        "síguenos",
        "seguici",
        "siga-nos",
        "подписывайтесь",
        "подпишитесь",
    ];
    const DOWNLOAD: [&str; 9] = [
        "download ",
        "get the ",
        "get our ",
        "click here",
        "install ",
        "jetzt die ",
        "téléchargez ",
        "descarga ",
        "scarica ",
    ];
    if !p.is_short(15) {
        return false;
    }
    let text = p.normalized();
    let names_app = text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "app" || w == "apps");
    FOLLOW.iter().any(|cue| text.starts_with(cue))
        || (names_app && DOWNLOAD.iter().any(|cue| text.starts_with(cue)))
}

/// A note about the author at the end of an article: "Dale Rensfield is a county affairs
/// reporter based in Vermont." A name of two to four capitalised words, "is a(n)" and, within a
/// few words, a writer's role. The caller asks only of the last paragraphs.
fn is_author_note(paragraph: &str) -> bool {
    const ROLES: [&str; 12] = [
        "reporter",
        "correspondent",
        "writer",
        "editor",
        "journalist",
        "columnist",
        "contributor",
        "redakteur",
        "journalistin",
        "korrespondent",
        "autor",
        "autorin",
    ];
    if !is_short(paragraph, 40) {
        return false;
    }
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let Some(is) = words.iter().position(|w| *w == "is" || *w == "ist") else {
        return false;
    };
    let named = (2..=4).contains(&is) && words[..is].iter().all(|w| starts_uppercase(w));
    let article = words
        .get(is + 1)
        .is_some_and(|w| matches!(*w, "a" | "an" | "ein" | "eine"));
    let role = words
        .iter()
        .skip(is + 2)
        .take(5)
        .any(|w| ROLES.contains(&w.trim_end_matches([',', '.']).to_lowercase().as_str()));
    named && article && role
}

fn starts_uppercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A lone lower-case tag such as "lavrov" or "russia, nato": no capital, no sentence, no digits.
fn is_tag_line(paragraph: &str) -> bool {
    let is_tag_word = |w: &str| {
        w.chars().any(char::is_lowercase) && w.chars().all(|c| c.is_lowercase() || c == '-')
    };
    // Stops at the first word that rules it out: most paragraphs are long sentences.
    let mut words = 0;
    for word in paragraph.trim().split([' ', ',']).filter(|w| !w.is_empty()) {
        words += 1;
        if words > TAG_MAX_WORDS || !is_tag_word(word) {
            return false;
        }
    }
    words > 0
}

/// True when paragraph `i` is a piece of a sentence broken over paragraphs (plain-text archives
/// split a sentence around an emphasised word: "... Real Madrid" / "did" / "ask for ..."):
/// the paragraph before it runs on (it is not the title and ends without closing punctuation)
/// or the paragraph after it starts in lower case.
fn continues_a_sentence(paragraphs: &[&str], i: usize) -> bool {
    // The title (paragraph 0) ends without punctuation but does not run on.
    let before_runs_on = i > 1
        && paragraphs[i - 1]
            .trim_end()
            .ends_with(|c: char| c.is_alphanumeric() || c == ',');
    let after_is_lower = next_paragraph(paragraphs, i)
        .and_then(|next| paragraphs[next].trim_start().chars().next())
        .is_some_and(char::is_lowercase);
    before_runs_on || after_is_lower
}

/// Marks the headline that follows a teaser's stamp.
fn mark_teased_headlines(paragraphs: &[&str], marks: &mut [bool]) {
    for i in 0..paragraphs.len() {
        if is_teaser_stamp(paragraphs, i) {
            if let Some(next) = next_paragraph(paragraphs, i) {
                marks[next] = true;
            }
        }
    }
}

/// True when paragraph `i` is a dated stamp on a picture that teases another story, that is,
/// when a headline follows it. (A stamp followed by body text captions the article's own photo.)
pub fn is_teaser_stamp(paragraphs: &[&str], i: usize) -> bool {
    let stamped = paragraphs
        .get(i)
        .and_then(|p| Stamp::parse(p))
        .is_some_and(|stamp| stamp.date.is_some() && !stamp.caption.is_empty());
    stamped && next_paragraph(paragraphs, i).is_some_and(|next| is_headline_like(paragraphs[next]))
}

/// A single short line that is not a sentence: no closing full stop, colon or comma.
fn is_headline_like(paragraph: &str) -> bool {
    let paragraph = paragraph.trim();
    let words = paragraph.split_whitespace().count();
    let opens_quote = paragraph.starts_with(['"', '“', '«']);
    let ends_sentence = paragraph.ends_with(['.', ':', ';', ',', '"', '”']);
    (2..=HEADLINE_MAX_WORDS).contains(&words)
        && !opens_quote
        && !ends_sentence
        && !paragraph.contains('\n')
}

/// Once the comment section starts in the second half of a page, the article is over: whatever
/// follows (log-in walls, widget labels, template leftovers) is furniture too.
fn mark_comment_section(paragraphs: &[Para], marks: &mut [bool]) {
    let start =
        (paragraphs.len() / 2..paragraphs.len()).find(|&i| is_comment_prompt(&paragraphs[i]));
    if let Some(start) = start {
        marks[start..].iter_mut().for_each(|mark| *mark = true);
    }
}

/// The index of the next non-blank paragraph after `i`.
fn next_paragraph(paragraphs: &[&str], i: usize) -> Option<usize> {
    (i + 1..paragraphs.len()).find(|&j| !paragraphs[j].trim().is_empty())
}

/// An outlet's mark on a picture caption or masthead: `[caption] - Outlet, [number,] [date]`.
///
/// Sputnik-style pages stamp every picture with the outlet's name, an image width (1920) and
/// the date of the story the picture belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp<'a> {
    /// The caption before the dash; empty for a masthead.
    pub caption: &'a str,
    pub outlet: &'a str,
    pub date: Option<NaiveDate>,
}

impl<'a> Stamp<'a> {
    /// Reads a stamp off the end of a paragraph. The outlet must be followed by a number or a
    /// date, so "Choose hope over fear - Kennedy" is no stamp.
    pub fn parse(paragraph: &'a str) -> Option<Self> {
        let paragraph = paragraph.trim();
        let (caption, tail) = split_last_dash(paragraph)?;
        let (outlet, marks) = tail.split_once(',')?;
        let outlet = outlet.trim();
        if !is_outlet_name(outlet) {
            return None;
        }
        let (numbered, date) = read_stamp_marks(marks)?;
        (numbered || date.is_some()).then_some(Stamp {
            caption: caption.trim(),
            outlet,
            date,
        })
    }
}

/// Splits "caption - tail" at its last spaced dash, or "- tail" at its leading dash.
fn split_last_dash(text: &str) -> Option<(&str, &str)> {
    const DASHES: [&str; 3] = ["-", "–", "—"];
    for dash in DASHES {
        if let Some(tail) = text.strip_prefix(dash).filter(|t| t.starts_with(' ')) {
            return Some(("", tail.trim()));
        }
    }
    const SPACED_DASHES: [&str; 3] = [" - ", " – ", " — "];
    // The last spaced dash of any of the three kinds, in one backward pass over the bytes:
    // a hyphen, or 0xE2, the first byte of an en or em dash (never a byte inside a character).
    // `memrchr2` scans a word at a time: every paragraph of every article comes here, and a
    // byte-at-a-time scan was 1.2% of a 1x BBC rebuild's instructions (callgrind).
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(dash) = memchr::memrchr2(b'-', 0xE2, &bytes[..end]) {
        end = dash;
        let Some(at) = dash.checked_sub(1).filter(|&at| bytes[at] == b' ') else {
            continue;
        };
        if let Some(spaced) = SPACED_DASHES.iter().find(|d| text[at..].starts_with(**d)) {
            return Some((&text[..at], text[at + spaced.len()..].trim()));
        }
    }
    None
}

/// After the outlet: numbers (an image width) and at most a date, all separated by commas.
/// Returns whether there was a number, and the date; `None` when anything else is there.
fn read_stamp_marks(marks: &str) -> Option<(bool, Option<NaiveDate>)> {
    let parts: Vec<&str> = marks.split(',').map(str::trim).collect();
    let numbers = parts
        .iter()
        .take_while(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
        .count();
    let rest = parts[numbers..].join(", ");
    if rest.is_empty() {
        return Some((numbers > 0, None));
    }
    parse_date(&rest).map(|date| (numbers > 0, Some(date)))
}

/// An outlet's name: one to five words, the first capitalised, the others capitalised or small
/// joining words ("Voice of America"), nothing that ends a sentence.
fn is_outlet_name(name: &str) -> bool {
    const JOINERS: [&str; 5] = ["of", "the", "and", "&", "de"];
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    (1..=5).contains(&words.len())
        && name.len() <= 40
        && words.first().is_some_and(capitalised)
        && words.iter().all(|w| capitalised(w) || JOINERS.contains(w))
        && !name.ends_with(['.', '!', '?', ':'])
}

/// Strips a site suffix off a title: "Russia alerts West | News" → "Russia alerts West",
/// "Talks fail - BBC News" → "Talks fail". A dash suffix is only stripped when it names a site
/// (a news word or a web address), so "Choose hope over fear - Kennedy" keeps its speaker.
pub fn clean_title(line: &str) -> String {
    let mut title = line.trim();
    while let Some(head) = without_pipe_suffix(title) {
        title = head;
    }
    if let Some(head) = without_site_dash_suffix(title) {
        title = head;
    }
    title.to_string()
}

/// "Title | Site": pipes do not occur in headlines, so a short tail after one is the site.
fn without_pipe_suffix(title: &str) -> Option<&str> {
    let (head, tail) = title.rsplit_once(" | ")?;
    let head = head.trim();
    (!head.is_empty() && tail.split_whitespace().count() <= 5).then_some(head)
}

/// "Title - Site News": only when the tail looks like a site, by a news word or a domain, or is
/// an outlet's stamp.
fn without_site_dash_suffix(title: &str) -> Option<&str> {
    if let Some(stamp) = Stamp::parse(title).filter(|s| !s.caption.is_empty()) {
        return Some(stamp.caption);
    }
    let (head, tail) = split_last_dash(title)?;
    (!head.trim().is_empty() && names_a_site(tail)).then_some(head.trim())
}

fn names_a_site(tail: &str) -> bool {
    const NEWS_WORDS: [&str; 24] = [
        "News",
        "Times",
        "Post",
        "Journal",
        "Herald",
        "Guardian",
        "Telegraph",
        "Tribune",
        "Reuters",
        "AP",
        "AFP",
        "Press",
        "Online",
        "International",
        "Today",
        "TV",
        "Radio",
        "Daily",
        "Gazette",
        "Chronicle",
        "Observer",
        "BBC",
        "CNN",
        "Agency",
    ];
    const DOMAINS: [&str; 7] = [".com", ".org", ".net", ".co.uk", ".ru", ".info", ".io"];
    let words: Vec<&str> = tail.split_whitespace().collect();
    let short = (1..=5).contains(&words.len());
    let news_word = words.iter().any(|w| NEWS_WORDS.contains(w));
    let domain = words
        .iter()
        .any(|w| DOMAINS.iter().any(|d| w.to_lowercase().ends_with(d)));
    short && (news_word || domain)
}

fn is_short(paragraph: &str, max_words: usize) -> bool {
    // Stops counting at the limit: most paragraphs are long.
    paragraph.split_whitespace().nth(max_words).is_none()
}

/// Lower case with runs of whitespace made single spaces, for comparing with cue phrases.
fn normalized(paragraph: &str) -> String {
    paragraph
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn contains_any(text: &str, cues: &[&str]) -> bool {
    cues.iter().any(|cue| text.contains(cue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_prompts_share_rows_cookie_banners_and_ad_labels_are_furniture() {
        for line in [
            "Continue reading the main story",
            "Story continues below advertisement",
            "Article continues after this ad",
            "Share on Facebook Share on Twitter Share via Email",
            "Facebook | Twitter | WhatsApp | E-Mail",
            "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
            "Advertisement",
            "- Anzeige -",
            "PUBLICIDAD",
            "Реклама",
        ] {
            assert!(is_furniture(&Para::new(line)), "{line}");
        }
    }

    #[test]
    fn counters_sign_ups_bylines_teasers_and_credits_are_furniture() {
        for line in [
            "17302",
            "12 345",
            "Newsletter",
            "Never miss a story from the Ledger. Sign up to our newsletters for the day's main stories in your inbox.",
            "When you subscribe we will use the information you provide to send you these newsletters.",
            "Invalid Email",
            "Recevez l'information analysée par la rédaction dans votre boîte e-mail, inscrivez-vous à la newsletter",
            "By Tess Hadley 2021-03-14 09:41:07 UTC",
            "Von Lars Brandmeier // 3. Mai 2022",
            "Posted by: Ria de Vera on March 9, 2021 in Showbiz Leave a comment",
            "By Noam Petrelli, The Associated Press",
            "Von Jörg Wendland, Anna Lena Kriebel und Tobias Marek, NDR",
            "Next Story",
            "YOU MIGHT BE INTERESTED IN...",
            "À LIRE AUSSI Grève du port : comment les dockers s'organisent face à la direction",
            "Lesen Sie auch: Die Bahn erhöht die Preise",
            "Feira do bairro reuniu centenas de moradores — Foto: Reprodução",
            "Foto: sidm / DW",
            "(Image credit: HandyGames)",
            "Shutterstock",
            "You are here: Home / Showbiz / Actress follows her boyfriend",
            "Startseite > Politik > Ausland",
            "| By Dana Whitlow | May 2, 2021",
            "Written by Harbour Today on March 2, 2022",
            "Written by: Julia Marwick",
            "Bildquelle: SWR",
            "Main image: Wirestock/iStock",
            "Фото: Reuters",
            "Subscribe to Lakeside Ledger newsletters.",
            "Lesezeit: ca. 3 Minuten",
            "Tempo di lettura: 3 minuti",
            "Post Views: 1.432",
            "5 min read",
            "When you subscribe we will use the information you provide to send you these newsletters. Sometimes they'll include recommendations for other related newsletters or services we offer. Our Privacy Notice explains more about how we use your data, and your rights.",
        ] {
            assert!(is_furniture(&Para::new(line)), "{line}");
        }
    }

    #[test]
    fn sentences_like_counters_sign_ups_and_bylines_are_kept() {
        for line in [
            "Von der Leyen said on Monday that the plan would go ahead.",
            "Von der Leyen said on Monday",
            "By Monday, the troops had left the city",
            "By 2030 the city will need 10,000 new homes",
            "Par ailleurs, le ministre a démenti",
            "Von Risiken und Nebenwirkungen",
            "Written by a former minister, the report was published on Monday",
            "Reading time has fallen among teenagers, the survey found.",
            "Di Maio said the government would fall",
            "Readers who subscribe to the newsletter pay five pounds a month, the company said.",
            "The newsletter, which has 40,000 subscribers, was sold in March.",
            "Reuters reported that the talks had failed.",
            "Photographs of the scene were shared widely on Monday.",
            "31.10.2023",
            "The road from home / work to school was closed.",
        ] {
            assert!(!is_furniture(&Para::new(line)), "{line}");
        }
    }

    #[test]
    fn article_sentences_with_the_same_words_are_kept() {
        for line in [
            "The story continues below the fold of a newspaper that readers still share.",
            "Facebook and Twitter shares fell on Monday after the regulator's email to investors.",
            "The regulator said cookies that track readers need their consent, and fined the site.",
            "Anzeige gegen Unbekannt wurde erstattet, sagte die Polizei am Montag.",
            "He asked readers to continue reading the report before they judge it.",
        ] {
            assert!(!is_furniture(&Para::new(line)), "{line}");
        }
    }

    #[test]
    fn date_stamps_standing_as_paragraphs_are_furniture() {
        for stamp in [
            "Updated 7:12 am PDT, Wednesday, May 6, 2020",
            "Publié le mardi 3 Mars 2020 à 09h15",
            "Posted: Mar 4, 2021 / 11:05 AM MDT / Updated: Mar 4, 2021 / 11:05 AM MDT",
            "30.11.2020 18:14",
            "Last Updated: March 11, 2021, 8:14 PM IST",
            "09:41, Tue, Mar 7, 2023 | UPDATED: 10:02, Tue, Mar 7, 2023",
            "Veröffentlicht am 12. November 2015 / 13:48 Uhr",
            "Published: Sept. 3, 2021 at 7:48 a.m. ET",
            "Ultimo aggiornamento: 30 Settembre 2020",
            "14.02.2021 08:30 | Son Güncelleme: 14.02.2021 09:05",
        ] {
            assert!(is_marked(stamp), "{stamp}");
        }
        for line in [
            "Updated guidance was published on May 6, 2020.",
            "On May 6, 2020, the council voted to close the park.",
            "Am 12. November 2015 um 13:48 Uhr fiel der Strom aus.",
            "Published in 2020, the report found 30 faults.",
            "The 2020 budget: 12.5 billion",
            "Monday, 9:30 am: doors open",
        ] {
            assert!(!is_marked(line), "{line}");
        }
    }

    #[test]
    fn a_stamp_is_not_searched_but_still_dates_the_article() {
        let paragraphs = [
            "Title of the story",
            "Wednesday, May 6, 2020",
            "The council met.",
        ];
        assert_eq!(marked(&paragraphs), vec!["Wednesday, May 6, 2020"]);
        assert_eq!(mark_furniture_around_stamps(&paragraphs), vec![false; 3]);
        assert_eq!(
            super::super::dates::find_date(&paragraphs),
            NaiveDate::from_ymd_opt(2020, 5, 6)
        );
    }

    #[test]
    fn tag_and_category_lists_are_furniture() {
        for list in [
            "Tags: Eigentum, Facebook, Open Source",
            "Schlagwörter: Klima Kleidung Handel Nachrichten",
            "Tags:Uncategorized",
            "Filed under: Politics, Europe",
            "Themen:",
            "Categories",
        ] {
            assert!(is_marked(list), "{list}");
        }
        for line in [
            "Tags are fitted to each bird before it is released.",
            "Themen wie Klimaschutz spielten kaum eine Rolle.",
            "Topics: what the committee will discuss on Monday.",
            "Categories of risk were set out in the report",
            "Tag der offenen Tür",
        ] {
            assert!(!is_marked(line), "{line}");
        }
    }

    #[test]
    fn the_site_promoting_its_app_and_channels_is_furniture() {
        for promotion in [
            "CLICK HERE TO GET THE DAILY LEDGER APP",
            "Download the Daily Planet app for the latest news",
            "Folge uns auf Facebook | Instagram",
            "Follow our full coverage of the harbour strike here.",
            "Подписывайтесь на наш канал:",
            "Subscribe",
        ] {
            assert!(is_marked(promotion), "{promotion}");
        }
        for line in [
            "Downloads of the app doubled in March, the company said.",
            "Users who download the app are asked for their location.",
            "Police said they would follow up on every report.",
            "Get the vaccine as soon as you can, the minister said.",
        ] {
            assert!(!is_marked(line), "{line}");
        }
    }

    #[test]
    fn an_authors_note_at_the_end_is_furniture_and_only_there() {
        let note = "Dale Rensfield is a county affairs reporter based in Vermont.";
        let article = [
            "Title",
            "The debate ran for two hours.",
            "Both said they had won.",
            note,
        ];
        assert_eq!(marked(&article), vec![note]);
        let mut long = vec!["Title", note];
        long.extend(["The debate ran for two hours."; 5]);
        assert!(marked(&long).is_empty());
        for line in [
            "The suspect is a former reporter, police said.",
            "Anna Meyer is a nurse who has worked in the ward for years.",
            "Her brother is a journalist.",
        ] {
            assert!(!is_author_note(line), "{line}");
        }
    }

    fn marked<'a>(paragraphs: &[&'a str]) -> Vec<&'a str> {
        paragraphs
            .iter()
            .zip(mark_boilerplate(paragraphs))
            .filter(|(_, mark)| *mark)
            .map(|(p, _)| *p)
            .collect()
    }

    fn is_marked(paragraph: &str) -> bool {
        mark_boilerplate(&["Some Title", "A first sentence of the article.", paragraph])[2]
    }

    #[test]
    fn keeps_the_length_and_an_empty_article() {
        assert!(mark_boilerplate(&[]).is_empty());
        assert_eq!(mark_boilerplate(&["a", "b", "c"]).len(), 3);
    }

    #[test]
    fn marks_comment_prompts() {
        assert!(is_marked("Leave a Reply"));
        assert!(is_marked("Leave a comment"));
        assert!(is_marked(
            "Your email address will not be published. Required fields are marked *"
        ));
        assert!(is_marked("To participate in the discussion"));
        assert!(is_marked("Log in or register"));
        assert!(is_marked("You must be logged in to post a comment."));
    }

    #[test]
    fn marks_page_controls() {
        assert!(is_marked("Exit mobile version"));
        assert!(is_marked("Share this:"));
        assert!(is_marked("ADVERTISEMENT"));
        assert!(is_marked("Skip to content"));
    }

    #[test]
    fn marks_photo_credits() {
        assert!(is_marked(
            "© Agency Photo / Jane Doe / Go to the mediabankA minister waves, March 2, 2021."
        ));
        assert!(is_marked("© Copyright 2021 Example Media"));
        assert!(is_marked("Photo: John Doe/Example Agency"));
        assert!(is_marked(
            "The minister arrives for talks in Geneva (Image: Getty)"
        ));
        assert!(is_marked("(Photo: Reuters)"));
        assert!(is_marked(
            "Protesters outside parliament. AFP via Getty Images"
        ));
    }

    #[test]
    fn marks_teaser_stamps_and_their_headlines() {
        let page = [
            "Ministers Meet in Geneva",
            "Ministers met in Geneva on Wednesday.",
            "A city skyline at night - Example Times, 1920, 01.03.2021",
            "Markets Rally as Rates Hold Steady",
            "The talks will resume next week.",
        ];
        assert_eq!(
            marked(&page),
            [
                "A city skyline at night - Example Times, 1920, 01.03.2021",
                "Markets Rally as Rates Hold Steady"
            ]
        );
    }

    #[test]
    fn the_own_caption_stamp_is_furniture_but_the_body_after_it_is_not() {
        let page = [
            "Ministers Meet in Geneva",
            "A minister arrives, March 2, 2021. - Example Times, 1920, 03.03.2021",
            "Ministers met in Geneva on Wednesday to discuss the crisis.",
        ];
        assert_eq!(
            marked(&page),
            ["A minister arrives, March 2, 2021. - Example Times, 1920, 03.03.2021"]
        );
    }

    #[test]
    fn marks_a_masthead_and_tagline_at_the_top_only() {
        let page = [
            "- Example Times, 1920",
            "Breaking news from the region. Stay tuned for updates on politics and more.",
            "Ministers Meet in Geneva",
            "Ministers met in Geneva on Wednesday.",
        ];
        assert_eq!(marked(&page), &page[..2]);
        let late = ["Title", "One.", "Two.", "Three.", "- Example Times, 1920"];
        assert!(
            marked(&late).is_empty(),
            "a masthead is at the top of a page"
        );
    }

    #[test]
    fn marks_cross_references() {
        assert!(is_marked("See also  Farmers march for their land rights"));
        assert!(is_marked("READ MORE: Ministers meet in Geneva"));
        assert!(is_marked("Read more"));
        assert!(is_marked("Related: Markets rally"));
    }

    #[test]
    fn marks_lone_tag_words() {
        assert!(is_marked("lavrov"));
        assert!(is_marked("geneva, talks"));
        assert!(!is_marked("Geneva"), "a capitalised word may be a heading");
        assert!(!is_marked("ok."));
        assert!(!is_marked("---"), "a rule is not a word");
    }

    #[test]
    fn a_lower_case_word_inside_a_broken_sentence_is_no_tag() {
        let page = [
            "Title",
            "Moss admitted Harbour Rovers",
            "did",
            "bid for the young striker in May.",
        ];
        assert!(marked(&page).is_empty());
        let after_title = ["Ministers meet", "geneva", "Ministers met on Wednesday."];
        assert_eq!(marked(&after_title), ["geneva"]);
    }

    #[test]
    fn everything_after_a_late_comment_prompt_is_furniture() {
        let page = [
            "Title",
            "One.",
            "Two.",
            "Three.",
            "To participate in the discussion",
            "log in or register",
            "Шаблонный текст",
        ];
        assert_eq!(marked(&page), &page[4..]);
    }

    #[test]
    fn never_marks_article_sentences() {
        let sentences = [
            "Picture the scene - Harbour Town are camped on the Rovers line in the last seconds.",
            "Choose hope over fear - Kennedy",
            "Best film - The Aviator, 2004",
            "By 2030, 35% of the region's homes will still be without a fast connection, says a study.",
            "Readers were asked to leave a reply to the minister's letter, and thousands did so within a week of its publication in the paper, which delighted the editors and the minister alike.",
            "Images from pocket cameras have even made it into the museum world.",
            "Next Stage Will Begin Once Formal Answers Received",
            "About NATO",
            "He said the talks would go on.",
        ];
        for sentence in sentences {
            assert!(!is_marked(sentence), "{sentence}");
        }
    }

    #[test]
    fn parses_stamps() {
        let stamp = Stamp::parse("State flags - Sputnik International, 1920, 26.01.2022");
        assert_eq!(
            stamp,
            Some(Stamp {
                caption: "State flags",
                outlet: "Sputnik International",
                date: NaiveDate::from_ymd_opt(2022, 1, 26),
            })
        );
        let masthead = Stamp::parse("- Example Times, 1920");
        assert_eq!(
            masthead.map(|s| (s.caption, s.outlet, s.date)),
            Some(("", "Example Times", None))
        );
        assert_eq!(
            Stamp::parse("Talks - Example Times, March 3, 2021").and_then(|s| s.date),
            NaiveDate::from_ymd_opt(2021, 3, 3)
        );
        assert_eq!(Stamp::parse("Varga Rushes Bill - Reports"), None);
        assert_eq!(
            Stamp::parse("He left - and then, 3 hours later, he came back"),
            None
        );
    }

    #[test]
    fn cleans_site_suffixes_off_titles() {
        assert_eq!(
            clean_title("Russia alerts West to delay | News"),
            "Russia alerts West to delay"
        );
        assert_eq!(clean_title("Talks fail - BBC News"), "Talks fail");
        assert_eq!(clean_title("Talks fail – example.com"), "Talks fail");
        assert_eq!(
            clean_title("Talks fail | World | Example Post"),
            "Talks fail"
        );
        assert_eq!(clean_title("  Talks fail  "), "Talks fail");
        assert_eq!(
            clean_title("Choose hope over fear - Kennedy"),
            "Choose hope over fear - Kennedy"
        );
        assert_eq!(
            clean_title("Bill Rushed Through - Reports"),
            "Bill Rushed Through - Reports"
        );
        assert_eq!(
            clean_title("Tevez - an Argentine in Brazil"),
            "Tevez - an Argentine in Brazil"
        );
    }

    #[test]
    fn splits_at_the_last_spaced_dash_of_any_kind() {
        assert_eq!(split_last_dash("a - b – c"), Some(("a - b", "c")));
        assert_eq!(split_last_dash("a — b - c"), Some(("a — b", "c")));
        assert_eq!(split_last_dash("a – b — c-d"), Some(("a – b", "c-d")));
        assert_eq!(split_last_dash("a -b - c’s"), Some(("a -b", "c’s")));
        assert_eq!(
            split_last_dash("Hello – it’s “here”"),
            Some(("Hello", "it’s “here”"))
        );
        assert_eq!(split_last_dash("well-known—text –x"), None);
        assert_eq!(
            split_last_dash("- Outlet, 1920"),
            Some(("", "Outlet, 1920"))
        );
        assert_eq!(split_last_dash("-"), None);
    }

    #[test]
    fn a_paragraph_counts_its_words_once_up_to_the_largest_limit() {
        let para = Para::new("  Share \n this:  ");
        assert_eq!(para.text, "Share \n this:");
        assert!(para.is_short(2) && !para.is_short(1));
        assert_eq!(para.normalized(), "share this:");
        let eighty = vec!["word"; 80].join(" ");
        assert!(Para::new(&eighty).is_short(80));
        let more = vec!["word"; 200].join(" ");
        assert!(!Para::new(&more).is_short(80));
        // A control label may trail stops and colons; a longer line with the same ending is none.
        assert!(is_page_control(&Para::new("Share this: . . .")));
        assert!(is_page_control(&Para::new("Be the first to know …")));
        assert!(!is_page_control(&Para::new(
            "Share this with all of your friends . . ."
        )));
    }
}

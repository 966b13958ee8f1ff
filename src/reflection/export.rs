//! An output as files a client can keep: plain text, and a self-contained HTML page. Both read
//! in the same order as the screen: the clinic and the title, "For my last session", the notes,
//! the other answers, and in "Just for me" the staying-well plan.

use super::shown::Shown;
use super::summary::{StayingWell, Summary, SummaryItem};
use crate::languages::interface::Texts;
use crate::languages::tag::direction;

/// The output as plain text, readable in any app on any phone.
pub fn to_plain_text(summary: &Summary, texts: &Texts) -> String {
    let mut out = String::new();
    if let Some(clinic) = &summary.clinic {
        out.push_str(clinic);
        out.push('\n');
    }
    underline(
        &mut out,
        &format!("{}: {}", summary.heading, summary.title),
        '=',
    );
    out.push_str(summary.lead(texts));
    out.push('\n');
    let items_text = |out: &mut String, items: &[SummaryItem]| {
        for item in items {
            out.push('\n');
            out.push_str(&item.text);
            out.push('\n');
            match &item.answer {
                Shown::Text(answer) => {
                    for line in answer.lines() {
                        out.push_str("  ");
                        out.push_str(line);
                        out.push('\n');
                    }
                }
                Shown::List(entries) => {
                    for entry in entries {
                        out.push_str("  - ");
                        out.push_str(entry);
                        out.push('\n');
                    }
                }
            }
        }
    };
    if !summary.last_session.is_empty() {
        out.push('\n');
        underline(&mut out, texts.last_session_heading(), '-');
        items_text(&mut out, &summary.last_session);
    }
    let notes_text = |out: &mut String| {
        for note in &summary.notes {
            out.push('\n');
            underline(out, &note.title, '-');
            out.push_str(&note.text);
            out.push('\n');
        }
    };
    if summary.notes_first() {
        notes_text(&mut out);
    }
    for section in &summary.sections {
        out.push('\n');
        underline(&mut out, &section.title, '-');
        items_text(&mut out, &section.items);
    }
    if !summary.notes_first() {
        notes_text(&mut out);
    }
    if let Some(plan) = &summary.plan {
        plan_text(&mut out, plan, texts);
    }
    out.push('\n');
    out.push_str(texts.export_note());
    out.push('\n');
    out
}

fn plan_text(out: &mut String, plan: &StayingWell, texts: &Texts) {
    out.push('\n');
    underline(out, texts.plan_heading(), '-');
    out.push_str(texts.plan_intro());
    out.push('\n');
    for part in plan.all_parts(texts) {
        out.push('\n');
        out.push_str(&part.heading);
        out.push('\n');
        for item in &part.items {
            // A contact's ways to reach it, under its name.
            for (index, line) in item.lines().enumerate() {
                out.push_str(if index == 0 { "  - " } else { "    " });
                out.push_str(line);
                out.push('\n');
            }
        }
    }
}

fn underline(out: &mut String, title: &str, mark: char) {
    out.push_str(title);
    out.push('\n');
    out.extend(std::iter::repeat_n(mark, title.chars().count().max(3)));
    out.push('\n');
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// The output as one HTML file with its own styles and no scripts, links or other files. Every
/// piece of text is escaped, so nothing a client typed can become markup.
pub fn to_html(summary: &Summary, texts: &Texts) -> String {
    let mut body = String::new();
    if let Some(clinic) = &summary.clinic {
        body.push_str(&format!(
            "<p class=\"clinic\">{}</p>\n",
            escape_html(clinic)
        ));
    }
    body.push_str(&format!(
        "<h1>{}<span class=\"title\">{}</span></h1>\n<p class=\"note\">{}</p>\n",
        escape_html(&summary.heading),
        escape_html(&summary.title),
        escape_html(summary.lead(texts))
    ));
    if !summary.last_session.is_empty() {
        body.push_str(&format!(
            "<h2>{}</h2>\n",
            escape_html(texts.last_session_heading())
        ));
        items_html(&mut body, &summary.last_session);
    }
    let notes_html = |body: &mut String| {
        for note in &summary.notes {
            body.push_str(&format!(
                "<section class=\"letter\"><h2>{}</h2>\n<p class=\"letter-text\">{}</p></section>\n",
                escape_html(&note.title),
                escape_html(&note.text)
            ));
        }
    };
    if summary.notes_first() {
        notes_html(&mut body);
    }
    for section in &summary.sections {
        body.push_str(&format!("<h2>{}</h2>\n", escape_html(&section.title)));
        items_html(&mut body, &section.items);
    }
    if !summary.notes_first() {
        notes_html(&mut body);
    }
    if let Some(plan) = &summary.plan {
        plan_html(&mut body, plan, texts);
    }
    body.push_str(&format!(
        "<p class=\"note\">{}</p>\n",
        escape_html(texts.export_note())
    ));
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        title = escape_html(&format!("{}: {}", summary.heading, summary.title)),
        lang = escape_html(&texts.language),
        dir = direction(&texts.language).attribute(),
    )
}

fn items_html(body: &mut String, items: &[SummaryItem]) {
    body.push_str("<dl>\n");
    for item in items {
        body.push_str(&format!("<dt>{}</dt>\n", escape_html(&item.text)));
        match &item.answer {
            Shown::Text(answer) => {
                body.push_str(&format!("<dd>{}</dd>\n", escape_html(answer)));
            }
            Shown::List(entries) => {
                body.push_str("<dd><ul>");
                for entry in entries {
                    body.push_str(&format!("<li>{}</li>", escape_html(entry)));
                }
                body.push_str("</ul></dd>\n");
            }
        }
    }
    body.push_str("</dl>\n");
}

fn plan_html(body: &mut String, plan: &StayingWell, texts: &Texts) {
    body.push_str(&format!(
        "<section class=\"plan\"><h2>{}</h2>\n<p class=\"note\">{}</p>\n",
        escape_html(texts.plan_heading()),
        escape_html(texts.plan_intro())
    ));
    for part in plan.all_parts(texts) {
        body.push_str(&format!("<h3>{}</h3>\n<ul>", escape_html(&part.heading)));
        for item in &part.items {
            body.push_str(&format!("<li>{}</li>", escape_html(item)));
        }
        body.push_str("</ul>\n");
    }
    body.push_str("</section>\n");
}

/// Styles of the HTML file: readable on a phone and on paper.
const STYLE: &str = "body{margin:0;font:1.125rem/1.5 system-ui,sans-serif;color:#0b0c0c;\
background:#fff}main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.75rem;\
line-height:1.2}h1 .title{display:block;font-size:1rem;font-weight:400}.clinic{margin:0;font-weight:700}\
li{white-space:pre-wrap}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #1d5c57}\
dt{font-weight:700;margin-top:1rem}dd{margin:0.25rem 0 0;white-space:pre-wrap;\
overflow-wrap:anywhere}dd ul{margin:0;padding-inline-start:1.25rem;white-space:normal}\
.note{color:#4b5758}.letter-text{white-space:pre-wrap;overflow-wrap:anywhere}\
h3{font-size:1.1rem;margin-bottom:0.25rem}@media (prefers-color-scheme:dark){body{color:#eef1f0;background:#1b2123}\
.note{color:#b5c0c1}h2{border-color:#8fd3cb}}@media print{body{color:#000;background:#fff;font-size:11pt}\
main{padding:0}h2{margin-top:1rem}.plan{break-before:page}}";

//! The summary as files a client can keep: plain text, and a self-contained HTML page.

use super::shown::Shown;
use super::summary::Summary;
use crate::languages::interface::Texts;
use crate::languages::tag::direction;

/// The summary as plain text, readable in any app on any phone.
pub fn to_plain_text(summary: &Summary, texts: &Texts) -> String {
    let mut out = String::new();
    underline(&mut out, &summary.title, '=');
    out.push_str(&texts.export_note);
    out.push('\n');
    if summary.sections.is_empty() {
        out.push('\n');
        out.push_str(&texts.summary_empty);
        out.push('\n');
    }
    for section in &summary.sections {
        out.push('\n');
        underline(&mut out, &section.title, '-');
        for item in &section.items {
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
                Shown::List(items) => {
                    for entry in items {
                        out.push_str("  - ");
                        out.push_str(entry);
                        out.push('\n');
                    }
                }
            }
        }
    }
    if !summary.plan.is_empty() {
        out.push('\n');
        underline(&mut out, &texts.plan_heading, '-');
        out.push_str(&texts.plan_intro);
        out.push('\n');
        for part in &summary.plan {
            out.push('\n');
            out.push_str(&part.heading);
            out.push('\n');
            for item in &part.items {
                out.push_str("  - ");
                out.push_str(item);
                out.push('\n');
            }
        }
    }
    for note in &summary.notes {
        out.push('\n');
        underline(&mut out, &note.title, '-');
        out.push_str(&note.text);
        out.push('\n');
    }
    if summary.skipped > 0 && !summary.sections.is_empty() {
        out.push('\n');
        out.push_str(&texts.skipped_count(summary.skipped));
        out.push('\n');
    }
    out
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

/// The summary as one HTML file with its own styles and no scripts, links or other files. Every
/// piece of text is escaped, so nothing a client typed can become markup.
pub fn to_html(summary: &Summary, texts: &Texts) -> String {
    let mut body = String::new();
    body.push_str(&format!("<h1>{}</h1>\n", escape_html(&summary.title)));
    body.push_str(&format!(
        "<p class=\"note\">{}</p>\n",
        escape_html(&texts.export_note)
    ));
    if summary.sections.is_empty() {
        body.push_str(&format!("<p>{}</p>\n", escape_html(&texts.summary_empty)));
    }
    for section in &summary.sections {
        body.push_str(&format!("<h2>{}</h2>\n<dl>\n", escape_html(&section.title)));
        for item in &section.items {
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
    if !summary.plan.is_empty() {
        body.push_str(&format!(
            "<section class=\"plan\"><h2>{}</h2>\n<p class=\"note\">{}</p>\n",
            escape_html(&texts.plan_heading),
            escape_html(&texts.plan_intro)
        ));
        for part in &summary.plan {
            body.push_str(&format!("<h3>{}</h3>\n<ul>", escape_html(&part.heading)));
            for item in &part.items {
                body.push_str(&format!("<li>{}</li>", escape_html(item)));
            }
            body.push_str("</ul>\n");
        }
        body.push_str("</section>\n");
    }
    for note in &summary.notes {
        body.push_str(&format!(
            "<section class=\"letter\"><h2>{}</h2>\n<p class=\"letter-text\">{}</p></section>\n",
            escape_html(&note.title),
            escape_html(&note.text)
        ));
    }
    if summary.skipped > 0 && !summary.sections.is_empty() {
        body.push_str(&format!(
            "<p class=\"note\">{}</p>\n",
            escape_html(&texts.skipped_count(summary.skipped))
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        title = escape_html(&summary.title),
        lang = escape_html(&texts.language),
        dir = direction(&texts.language).attribute(),
    )
}

/// Styles of the HTML file: readable on a phone and on paper.
const STYLE: &str = "body{margin:0;font:1.125rem/1.5 system-ui,sans-serif;color:#0b0c0c;\
background:#fff}main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.75rem;\
line-height:1.2}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #1d5c57}\
dt{font-weight:700;margin-top:1rem}dd{margin:0.25rem 0 0;white-space:pre-wrap;\
overflow-wrap:anywhere}dd ul{margin:0;padding-inline-start:1.25rem;white-space:normal}\
.note{color:#4b5758}.letter-text{white-space:pre-wrap;overflow-wrap:anywhere}\
h3{font-size:1.1rem;margin-bottom:0.25rem}@media (prefers-color-scheme:dark){body{color:#eef1f0;background:#1b2123}\
.note{color:#b5c0c1}h2{border-color:#8fd3cb}}@media print{body{color:#000;background:#fff}.plan,.letter{break-before:page}}";

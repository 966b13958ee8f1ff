//! A questionnaire shown and answered: the introduction, focus and announcements as the client
//! moves, labels and named groups, follow-up questions, the review, a broken or hostile
//! questionnaire refused in the page, two widgets on one page, and destroy.

use ending_well::web::mount;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

use crate::helpers::*;

#[wasm_bindgen_test]
fn the_introduction_shows_with_language_direction_and_a_live_region() {
    let (host, _widget) = mount_small();
    let root = find(&host, ".ew");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    let live = find(&host, ".ew-status");
    assert_eq!(live.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(text_of(&host, "h2"), "A short reflection");
    assert_eq!(text_of(&host, "[data-ew-action=start]"), "Start");
    assert_eq!(find_all(&host, ".ew-intro .ew-body").len(), 2);
}

#[wasm_bindgen_test]
fn start_moves_focus_to_the_section_heading_and_announces_progress() {
    let (host, _widget) = mount_small();
    click(&host, "[data-ew-action=start]");
    let heading = find(&host, "h2.ew-heading");
    assert_eq!(
        heading.text_content().as_deref(),
        Some("How the ending came about")
    );
    assert_eq!(focused(), Some(heading));
    assert_eq!(status(&host), "Section 1 of 4: How the ending came about");
    assert_eq!(text_of(&host, ".ew-caption"), "Section 1 of 4");
    assert_eq!(
        text_of(&host, ".ew-progress-text"),
        "0 of 5 questions answered"
    );
}

#[wasm_bindgen_test]
fn every_input_has_a_label_and_choice_groups_are_named_fieldsets() {
    let (host, _widget) = mount_small();
    click(&host, "[data-ew-action=start]");
    click(&host, "[data-ew-action=next]");
    for input in find_all(&host, "input, textarea") {
        let id = input.id();
        assert!(!id.is_empty());
        let label = host.query_selector(&format!("label[for='{id}']")).unwrap();
        assert!(label.is_some(), "input {id} has no label");
    }
    let fieldset = find(&host, "fieldset");
    assert_eq!(text_of(&fieldset, "legend"), "Which feelings fit?");
    let hint_id = fieldset.get_attribute("aria-describedby").unwrap();
    assert_eq!(
        find(&host, &format!("#{hint_id}"))
            .text_content()
            .as_deref(),
        Some("Choose as many as you like.")
    );
    // The ends of the scale are read with their numbers.
    let points = find_all(&host, ".ew-scale-label");
    assert_eq!(points.len(), 11);
    assert_eq!(points[0].text_content().as_deref(), Some("0 (Very mild)"));
    assert_eq!(
        points[10].text_content().as_deref(),
        Some("10 (Very strong)")
    );
}

#[wasm_bindgen_test]
fn choosing_an_option_reveals_its_follow_up_and_clearing_hides_it_again() {
    let (host, _widget) = mount_small();
    click(&host, "[data-ew-action=start]");
    let follow_up = "#ew-follow-up";
    let block = find(&host, "[id$='-q-therapist-decided']");
    block.set_id(&follow_up[1..]);
    assert!(hidden(&host, follow_up));
    assert!(hidden(&host, "[data-ew-action=clear]"));

    click(&host, "[id$='-q-who-decided-option-therapist']");
    assert!(!hidden(&host, follow_up));
    assert_eq!(status(&host), "A follow-up question appeared below.");
    assert_eq!(
        text_of(&host, ".ew-progress-text"),
        "1 of 6 questions answered"
    );
    assert!(!hidden(&host, "[data-ew-action=clear]"));

    click(&host, "[data-ew-action=clear]");
    assert!(hidden(&host, follow_up));
    assert!(!checked(&host, "[id$='-q-who-decided-option-therapist']"));
    assert_eq!(status(&host), "Answer cleared");
    assert_eq!(
        text_of(&host, ".ew-progress-text"),
        "0 of 5 questions answered"
    );
    let first_radio = find(&host, "[id$='-q-who-decided-option-together']");
    assert_eq!(focused(), Some(first_radio), "focus stays in the question");
}

#[wasm_bindgen_test]
fn typing_updates_the_answer_without_rebuilding_the_text_box() {
    let (host, _widget) = mount_small();
    click(&host, "[data-ew-action=start]");
    let input = find(&host, "[id$='-q-weeks-known-input']");
    input.unchecked_ref::<HtmlElement>().focus().unwrap();
    type_into(&input, "Since the spring");
    assert!(
        host.contains(Some(&input)),
        "the same element is still in the page"
    );
    assert_eq!(focused(), Some(input));
    assert_eq!(
        text_of(&host, ".ew-progress-text"),
        "1 of 5 questions answered"
    );
}

#[wasm_bindgen_test]
fn not_sure_unticks_the_other_feelings_and_something_else_opens_a_text_box() {
    let (host, _widget) = mount_small();
    click(&host, "[data-ew-action=start]");
    click(&host, "[data-ew-action=next]");
    click(&host, "[id$='-q-feelings-option-relief']");
    click(&host, "[id$='-q-feelings-option-sadness']");
    assert!(
        !hidden(&host, "[id$='-q-sadness-note']"),
        "information about sadness shows"
    );
    click(&host, "[id$='-q-feelings-option-not-sure']");
    assert!(!checked(&host, "[id$='-q-feelings-option-relief']"));
    assert!(!checked(&host, "[id$='-q-feelings-option-sadness']"));
    assert!(checked(&host, "[id$='-q-feelings-option-not-sure']"));
    assert!(hidden(&host, "[id$='-q-sadness-note']"));

    assert!(hidden(&host, ".ew-other"));
    click(&host, "[id$='-q-feelings-option-other']");
    assert!(!hidden(&host, ".ew-other"));
    assert!(!checked(&host, "[id$='-q-feelings-option-not-sure']"));
    let other = find(&host, "[id$='-q-feelings-other-text']");
    assert_eq!(
        find(&host, "[id$='-q-feelings-option-other']")
            .get_attribute("aria-controls")
            .as_deref(),
        Some(find(&host, ".ew-other").id().as_str())
    );
    type_into(&other, "Homesick");
    // Go to the review, then the summary.
    for _ in 0..2 {
        click(&host, "[data-ew-action=next]");
    }
    assert_eq!(text_of(&host, "h2"), "Check your answers");
    click(&host, "[data-ew-action=summary]");
    assert_eq!(text_of(&host, "h2"), "Your summary");
    let summary = text_of(&host, ".ew-summary");
    assert!(summary.contains("Something else: Homesick"), "{summary}");
    let buttons: Vec<String> = find_all(&host, ".ew-summary button")
        .iter()
        .map(|b| b.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        buttons,
        [
            // Each output's own, named for screen readers.
            "Print, To bring",
            "Download as a text file, To bring",
            "Download as a web page, To bring",
            "Copy to clipboard, To bring",
            "Print, Just for me",
            "Download as a text file, Just for me",
            "Download as a web page, Just for me",
            "Copy to clipboard, Just for me",
            "Download the reminder",
            "Download an encrypted backup",
            "Change my answers",
            "Using a shared device?"
        ]
    );
}

#[wasm_bindgen_test]
fn the_review_marks_skipped_questions_and_change_returns_to_it() {
    let (host, _widget) = mount_small();
    click(&host, "[data-ew-action=start]");
    type_into(&find(&host, "[id$='-q-weeks-known-input']"), "A month");
    for _ in 0..3 {
        click(&host, "[data-ew-action=next]");
    }
    let heading = find(&host, "h2");
    assert_eq!(
        heading.text_content().as_deref(),
        Some("Check your answers")
    );
    assert_eq!(focused(), Some(heading));
    let rows = find_all(&host, ".ew-summary-row");
    assert_eq!(rows.len(), 5);
    assert_eq!(text_of(&rows[1], ".ew-summary-value"), "A month");
    assert_eq!(text_of(&rows[0], ".ew-summary-value"), "Skipped");
    // The change button names its question for screen readers.
    assert_eq!(
        text_of(&rows[1], "button"),
        "Change your answer to: How long have you known?"
    );

    find(&rows[1], "button")
        .unchecked_into::<HtmlElement>()
        .click();
    let input = find(&host, "[id$='-q-weeks-known-input']");
    assert_eq!(focused(), Some(input.clone()), "focus goes to the question");
    assert_eq!(
        text_of(&host, "[data-ew-action=next]"),
        "Save and return to your answers"
    );
    type_into(&input, "Five weeks");
    click(&host, "[data-ew-action=next]");
    assert_eq!(text_of(&host, "h2"), "Check your answers");
    let rows = find_all(&host, ".ew-summary-row");
    assert_eq!(text_of(&rows[1], ".ew-summary-value"), "Five weeks");
    assert_eq!(
        focused(),
        Some(find(&rows[1], "button")),
        "focus is back on the Change button the client used"
    );
}

#[wasm_bindgen_test]
fn a_broken_questionnaire_lists_every_problem_in_the_page() {
    let host = new_host();
    let _widget = mount(&host, options(BROKEN)).unwrap();
    assert_eq!(text_of(&host, "h2"), "This questionnaire cannot be shown");
    let items = find_all(&host, ".ew-error-list li");
    assert_eq!(items.len(), 11);
    let paths: Vec<String> = find_all(&host, ".ew-error-list .ew-path")
        .iter()
        .map(|p| p.text_content().unwrap_or_default())
        .collect();
    assert!(paths.contains(&"sections[0].questions[4].show_if.answered".to_owned()));
    assert!(text_of(&host, ".ew-error-list").contains("did you mean \"feelings\"?"));
    let controls: Vec<String> = find_all(&host, "input, button")
        .iter()
        .map(|control| control.get_attribute("data-ew-action").unwrap_or_default())
        .collect();
    assert_eq!(controls, ["exit"], "nothing half-renders, but a way out");

    let not_json = new_host();
    let _widget = mount(&not_json, options("{ this is not json")).unwrap();
    assert_eq!(find_all(&not_json, ".ew-error-list li").len(), 1);
    assert!(text_of(&not_json, ".ew-error-list").contains("not valid JSON"));
}

#[wasm_bindgen_test]
fn a_questionnaire_given_as_an_object_is_accepted() {
    let host = new_host();
    let object = js_sys::JSON::parse(SMALL).unwrap();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"questionnaire".into(), &object).unwrap();
    let _widget = mount(&host, options.into()).unwrap();
    assert_eq!(text_of(&host, "h2"), "A short reflection");
}

#[wasm_bindgen_test]
fn an_object_reads_as_its_json_text_would() {
    use ending_well::reading::json::{from_js, parse};
    let text = r#"{"whole": 3, "negative": -40, "fraction": 0.25, "big": 1e300, "yes": true,
        "none": null, "text": "é \"quoted\"", "list": [1, [2, {"deep": []}], {}]}"#;
    let object = js_sys::JSON::parse(text).unwrap();
    assert_eq!(from_js(&object), Ok(parse(text).unwrap()));
    // The built-in questionnaire, the largest file there is, too.
    let built_in = ending_well::format::catalog::default_questionnaire_value();
    let object = js_sys::JSON::parse(&built_in.to_string()).unwrap();
    assert_eq!(from_js(&object), Ok(built_in));
    // What JSON text cannot say: nothing, and numbers that are not numbers.
    let odd = js_sys::Function::new_no_args(
        "return { gone: undefined, nan: NaN, far: Infinity, list: [undefined] }",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    assert_eq!(
        from_js(&odd).unwrap().to_string(),
        r#"{"far":null,"gone":null,"list":[null],"nan":null}"#
    );
}

#[wasm_bindgen_test]
fn numbers_are_written_as_serde_json_writes_them() {
    // In the browser a float's digits come from the browser's own writing of numbers, laid out
    // as serde_json lays them out; the text on the right is serde_json's own.
    use ending_well::reading::json::{parse, to_text};
    let numbers = "[0.1, 1.5e-7, 1e21, 1e16, 123456.789, -2.5, 5e-324, 1.7976931348623157e308, \
                   1e-6, 0.00001, 100.0, -0.0, 0.3, 2e15, 9007199254740993.0, 1.2345678901234568e20, \
                   7, -7, 18446744073709551615]";
    assert_eq!(
        to_text(&parse(numbers).unwrap()),
        "[0.1,1.5e-7,1e+21,1e+16,123456.789,-2.5,5e-324,1.7976931348623157e+308,1e-6,0.00001,\
         100.0,-0.0,0.3,2000000000000000.0,9007199254740992.0,1.2345678901234568e+20,7,-7,\
         18446744073709551615]"
    );
}

#[wasm_bindgen_test]
fn options_holding_a_function_say_where_it_is() {
    let options = js_sys::Function::new_no_args(
        "return { clinic: 'A', events: { on: [1, () => {}] }, s: Symbol('x') }",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let host = new_host();
    let _widget = mount(&host, options).unwrap();
    assert_eq!(
        text_of(&host, ".ew-error-list"),
        "options could not be read as JSON data: \"events.on.1\" is a function, which is not \
         data"
    );
}

#[wasm_bindgen_test]
fn without_options_the_built_in_questionnaire_shows() {
    let host = new_host();
    let _widget = mount(&host, JsValue::UNDEFINED).unwrap();
    assert_eq!(
        text_of(&host, "h2"),
        "Reflecting on the end of your therapy"
    );
}

#[wasm_bindgen_test]
fn text_from_the_file_and_from_answers_is_shown_as_text_never_as_markup() {
    let payload = "<img src=x onerror=\"window.ewInjected=1\"><b>bold</b>";
    let questionnaire = serde_json::json!({
        "id": "inject",
        "title": payload,
        "sections": [{ "id": "s", "title": payload, "questions": [
            { "id": "q", "kind": "short_text", "text": payload, "hint": payload }
        ]}]
    })
    .to_string();
    let host = new_host();
    let _widget = mount(&host, options(&questionnaire)).unwrap();
    assert_eq!(text_of(&host, "h2"), payload);
    click(&host, "[data-ew-action=start]");
    type_into(&find(&host, "input"), payload);
    click(&host, "[data-ew-action=next]");
    click(&host, "[data-ew-action=summary]");
    assert!(text_of(&host, ".ew-summary").contains(payload));
    assert!(
        find_all(&host, "img, b").is_empty(),
        "no markup was created"
    );
}

#[wasm_bindgen_test]
fn two_widgets_on_one_page_keep_their_own_ids_and_answers() {
    let (first, _a) = mount_small();
    let (second, _b) = mount_small();
    click(&first, "[data-ew-action=start]");
    click(&second, "[data-ew-action=start]");
    let id_first = find(&first, "input").id();
    let id_second = find(&second, "input").id();
    assert_ne!(id_first, id_second);
    assert!(document().get_element_by_id(&id_first).is_some());
    click(&first, "[id$='-q-who-decided-option-me']");
    assert!(!checked(&second, "[id$='-q-who-decided-option-me']"));
    assert_eq!(
        text_of(&second, ".ew-progress-text"),
        "0 of 5 questions answered"
    );
}

#[wasm_bindgen_test]
fn destroy_removes_the_widget_and_its_listeners() {
    let (host, mut widget) = mount_small();
    let root = find(&host, ".ew");
    let start = find(&host, "[data-ew-action=start]");
    widget.destroy();
    assert_eq!(
        host.child_element_count(),
        0,
        "the host element is left empty"
    );
    // The detached elements no longer react: no listener is left to handle the click.
    start.unchecked_ref::<HtmlElement>().click();
    assert_eq!(text_of(&root, "h2"), "A short reflection");
    widget.destroy();
}

#[wasm_bindgen_test]
fn deeply_nested_configuration_is_refused_calmly_and_the_limit_fits_the_stack() {
    // Nested as deep as allowed: parsed, checked, copied and dropped on the stack the module
    // reserves (.cargo/config.toml), then reported as an unknown field.
    let deep = format!(
        r#"{{"questionnaire": {SMALL}, "extra": {}1{}}}"#,
        "[".repeat(63),
        "]".repeat(63)
    );
    let host = new_host();
    let _widget = mount(&host, JsValue::from_str(&deep)).unwrap();
    let problems = text_of(&host, ".ew-error-list");
    assert!(
        problems.contains("options.extra") && problems.contains("unknown field"),
        "{problems}"
    );

    // Deeper than that: refused with a clear message, as text and as an object.
    let deeper = format!("{}{}", "[".repeat(5_000), "]".repeat(5_000));
    let host = new_host();
    let _widget = mount(&host, JsValue::from_str(&deeper)).unwrap();
    let problems = text_of(&host, ".ew-error-list");
    assert!(
        problems.contains("nested more than 64 levels deep"),
        "{problems}"
    );
    let nested = js_sys::JSON::parse(&format!(
        r#"{{"clinic": "A", "extra": {}1{}}}"#,
        "[".repeat(5_000),
        "]".repeat(5_000)
    ))
    .unwrap();
    let host = new_host();
    let _widget = mount(&host, nested).unwrap();
    let problems = text_of(&host, ".ew-error-list");
    assert!(
        problems.contains("nested more than 64 levels deep"),
        "{problems}"
    );
}

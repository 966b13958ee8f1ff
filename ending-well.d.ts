// Types for Ending Well's JavaScript API, the module www/ending-well.js.
//
//   import { mount } from "/ending-well/ending-well.js";
//   const widget = mount(document.querySelector("#reflection"), { clinic: "Riverside Counselling" });
//   widget.destroy();
//
// Importing the module also defines the <ending-well> element, which reads the same options as
// JSON from a child <script type="application/json">.

/**
 * Puts the reflection inside `element`, in the element's own shadow root, and returns a handle
 * to remove it again.
 *
 * `options` may also be given as a JSON string, such as the text of a
 * `<script type="application/json">`. Mistakes in the options or in the questionnaire do not
 * throw: the widget shows a panel listing every problem with its path, and no questions.
 */
export function mount(element: HTMLElement, options?: EndingWellOptions | string): EndingWellWidget;

/** A mounted widget. */
export interface EndingWellWidget {
  /**
   * Removes the widget, every listener it added and the answers it held in memory, and empties
   * the element's shadow root. A draft the client chose to save on the device stays there.
   * Calling it again does nothing.
   */
  destroy(): void;
}

/**
 * The `<ending-well>` element. It mounts the widget when it is added to the page, with the
 * options in its child `<script type="application/json">` (or none: the built-in
 * questionnaire), and destroys it when it is removed.
 */
export class EndingWellElement extends HTMLElement {
  connectedCallback(): void;
  disconnectedCallback(): void;
}

/** The options of `mount`, and the JSON inside `<ending-well>`. Every field is optional. */
export interface EndingWellOptions {
  /**
   * A questionnaire of the clinic's own, as an object or as JSON text. Without it, the built-in
   * questionnaire on ending therapy is used.
   */
  questionnaire?: Questionnaire | string;
  /**
   * Which built-in questionnaire, without a `questionnaire` of the clinic's own: `"full"` (the
   * default) or `"short"`, about five minutes, with the same outputs.
   */
  built_in?: "full" | "short";
  /** The clinic's name. */
  clinic?: Text;
  /**
   * Who a client can contact for support: shown by "Need support now?" and, when the
   * questionnaire's `support_when` holds, right after the question that raised it. Until a
   * clinic adds contacts, a placeholder says to contact the clinic or a local crisis line.
   */
  support?: SupportOptions;
  /**
   * How to come back to the clinic after the ending, shown in the staying-well plan of "Just for
   * me": a few words (`intro`) and the contacts to use (`resources`), like `support`.
   */
  coming_back?: SupportOptions;
  /** Where "Leave this page" goes, and whether it also deletes a saved draft. */
  quick_exit?: QuickExitOptions;
  /** `false` stops offering "Save my answers on this device". Saving is offered by default. */
  saving?: boolean;
  /**
   * `true` makes the browser ask ("Leave site?") before a tab with answers not saved on the
   * device is closed or reloaded. Off by default: the prompt would hold a client who closes the
   * tab in a hurry with their words still on screen.
   */
  ask_before_leaving?: boolean;
  /**
   * `true` lets the browser's spell checker read the answer fields. Off by default: with enhanced
   * spell checking turned on, a browser sends the text to a remote service.
   */
  spellcheck?: boolean;
  /**
   * `true` tells the page where the client is, with the `ending-well:*` events. Off by default:
   * analytics and tag-manager scripts on a page hear every event it sees.
   */
  events?: boolean;
  /** Changes to the questionnaire without writing one: leave out or reword questions. */
  changes?: QuestionnaireChanges;
  /**
   * The languages to offer, in order, such as `["es"]`. By default, every language the
   * questionnaire has text in (the built-in one: English and Spanish).
   */
  languages?: string[];
  /**
   * The widget's own words per language, over the built-in ones, by the keys of
   * `locales/en.json`: `{ "es": { "start": "Comenzar" } }`. A language the widget does not ship
   * can be added this way; what it lacks shows in English.
   */
  interface?: Record<string, Record<string, string | PluralText>>;
}

/**
 * Text shown to the client: written once, or per language by BCP 47 code, such as
 * `{ "en": "How are you?", "es": "¿Cómo estás?" }`. Text without the client's language shows in
 * the file's own language, then English.
 */
export type Text = string | Record<string, string>;

/** Text that depends on a number, by CLDR plural category; `other` is required. */
export interface PluralText {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** The clinic's support contacts. */
export interface SupportOptions {
  /** A few words before the contacts; a gentle default otherwise. */
  intro?: Text;
  /** The contacts, in the order they are shown. */
  resources: SupportResource[];
}

/** One support contact. Only `name` is required. */
export interface SupportResource {
  /** Who it is, for example "Riverside duty line". */
  name: Text;
  /** A number to call, as it should be shown: digits, spaces, +, -, ( ) and dots. */
  phone?: string;
  /** A number to text, written the same way. */
  text?: string;
  /** A web address starting with https://. It opens in a new tab, so the answers stay. */
  web?: string;
  /** An email address. */
  email?: string;
  /** When it is open, for example "Monday to Friday, 9am to 5pm". */
  hours?: Text;
  /** Anything else worth knowing, for example "Free, 24 hours". */
  note?: Text;
}

/** Quick exit: the "Leave this page" button, and Shift pressed three times. */
export interface QuickExitOptions {
  /**
   * Where the page goes: a web address starting with https://, or a path on the clinic's own
   * site starting with / (not //). By default, BBC Weather.
   */
  url: string;
  /** `true` also deletes a draft saved on the device. By default it stays, encrypted. */
  delete_draft?: boolean;
}

/** Changes to the questionnaire in use, by id. An id the questionnaire lacks is a problem. */
export interface QuestionnaireChanges {
  /** Sections to leave out, with every question in them. */
  hide_sections?: string[];
  /** Questions to leave out; follow-ups that depend on them are left out too. */
  hide_questions?: string[];
  /** New wording for questions, by question id. */
  reword?: Record<string, Reword>;
}

/** New wording for one question: its text, its summary label, its hint, or any of them. */
export interface Reword {
  text?: Text;
  summary?: Text;
  hint?: Text;
}

/**
 * A questionnaire (docs/authoring.md#the-questionnaire-format). Ids start with a letter and use
 * letters, digits, - and _ (at most 64 characters). Every question is optional for the client.
 */
export interface Questionnaire {
  /** Unique to this questionnaire; a saved draft is kept under it. */
  id: string;
  /** The language of text written once, as a BCP 47 code; English by default. */
  language?: string;
  /** The heading of the first screen. */
  title: Text;
  /** Paragraphs on the first screen. */
  intro?: Text[];
  /** How long it takes, shown as "about N minutes" (1 to 600). */
  minutes?: number;
  /** One screen each, at least one. */
  sections: Section[];
  /**
   * The questions of the page "For my last session" that opens "To bring", in the order it
   * reads. They are in "To bring" until the client takes them out.
   */
  last_session?: string[];
  /** Which answers build the staying-well plan in "Just for me", by question id. */
  plan?: Plan;
  /** Which answers the note drafts start from, by question id. */
  notes?: NoteSources;
  /**
   * When the answers show distress: the clinic's support contacts then appear after the last
   * question this condition looks at. It may look at any question. Nothing is blocked.
   */
  support_when?: Condition;
  /**
   * When the client says they have thoughts of suicide or of harming themselves: a response of
   * its own, with the clinic's contacts, appears right after the last question this condition
   * looks at. Nothing is blocked.
   */
  safety_when?: Condition;
}

/** A section: one screen of questions. */
export interface Section {
  id: string;
  title: Text;
  /** A paragraph under the heading. */
  intro?: Text;
  /** At least one. */
  questions: Question[];
}

/** What every kind of question has. */
export interface QuestionBase {
  /** Unique among all the questions of the questionnaire. */
  id: string;
  /** The question, or for `info` the information itself. */
  text: Text;
  /** A few words that stand for the question in the summaries, e.g. "How I feel about ending". */
  summary?: Text;
  /** A line of help under the question. */
  hint?: Text;
  /**
   * `true` when the answer is the client's alone (the hint promised so): it never goes into a
   * note draft or "To bring" unless the client puts it there.
   */
  private?: boolean;
  /** Shown only while this holds. It may only look at questions earlier in the file. */
  show_if?: Condition;
}

/** An option of a choice question. */
export interface ChoiceOption {
  /** Unique within its question. */
  id: string;
  label: Text;
}

/** Choose one option: radios, with "Clear this answer". */
export interface SingleChoiceQuestion extends QuestionBase {
  kind: "single_choice";
  /** At least one. */
  options: ChoiceOption[];
  /** Adds "Not sure" (id `not-sure`) after an "or". */
  not_sure?: boolean;
  /** Adds "Prefer not to say" (id `prefer-not-to-say`) after an "or". */
  prefer_not_to_say?: boolean;
}

/** Tick any number of options: checkboxes. */
export interface MultipleChoiceQuestion extends QuestionBase {
  kind: "multiple_choice";
  /** At least one. */
  options: ChoiceOption[];
  /** The label of a "something else" box, which opens a text box. */
  other?: Text;
  /** Adds "Not sure", which stands alone: ticking it unticks the others. */
  not_sure?: boolean;
  /** Adds "Prefer not to say", which stands alone too. */
  prefer_not_to_say?: boolean;
}

/** Choose a point on a numbered scale of 2 to 11 points. */
export interface ScaleQuestion extends QuestionBase {
  kind: "scale";
  /** A whole number, -100 to 100. */
  min: number;
  /** A whole number greater than `min`, at most 10 more. */
  max: number;
  /** The words at the `min` end. */
  min_label: Text;
  /** The words at the `max` end. */
  max_label: Text;
}

/** Write a line. */
export interface ShortTextQuestion extends QuestionBase {
  kind: "short_text";
}

/** Write paragraphs. */
export interface LongTextQuestion extends QuestionBase {
  kind: "long_text";
}

/** Information to read; nothing to answer. `text` is the information. */
export interface InfoQuestion extends QuestionBase {
  kind: "info";
}

/** Write a note, which starts from a draft made of the client's own answers (see `notes`). */
export interface NoteQuestion extends QuestionBase {
  kind: "note";
  /** Who the note is for. */
  for: "therapist" | "future_self" | "next_therapist";
}

/** A question, told apart by its `kind`. */
export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | ScaleQuestion
  | ShortTextQuestion
  | LongTextQuestion
  | InfoQuestion
  | NoteQuestion;

/** The kinds of question. */
export type QuestionKind = Question["kind"];

/**
 * A condition: an object with exactly one of `answered`, `equals`, `includes`, `any`, `all` or
 * `not`. Conditions are data, never code, and cannot loop.
 */
export type Condition =
  | AnsweredCondition
  | EqualsCondition
  | IncludesCondition
  | AnyCondition
  | AllCondition
  | NotCondition;

/** Holds when the question is shown and answered. */
export interface AnsweredCondition {
  answered: string;
}

/** Holds when a single choice has that option chosen, or a scale is at that point. */
export interface EqualsCondition {
  equals: { question: string; value: string | number };
}

/** Holds when a multiple choice has that option ticked. */
export interface IncludesCondition {
  includes: { question: string; value: string };
}

/** Holds when one of the conditions holds. */
export interface AnyCondition {
  any: Condition[];
}

/** Holds when all of the conditions hold. */
export interface AllCondition {
  all: Condition[];
}

/** Holds when the condition does not hold. */
export interface NotCondition {
  not: Condition;
}

/** The parts of the staying-well plan, in the order it reads, each a list of question ids. */
export interface Plan {
  learned?: string[];
  early_signs?: string[];
  high_risk?: string[];
  keep_practising?: string[];
  goals?: string[];
  who_can_help?: string[];
  after_setback?: string[];
  /** The earlier name of `keep_practising`, still read. */
  what_helps?: string[];
  /** The earlier name of `who_can_help`, still read. */
  who_to_contact?: string[];
}

/** What the drafts of the notes start from, each a list of question ids. */
export interface NoteSources {
  helped?: string[];
  proud?: string[];
  keep_doing?: string[];
  to_say?: string[];
  next_therapist?: string[];
  /** When the note to the therapist opens with thanks; without it, it never does. */
  grateful_when?: Condition;
}

/**
 * Where the client is: the section at `index` (counting from 0) of `count` sections. Sections a
 * clinic left out with `changes` are not counted. A section whose questions are all hidden by
 * their conditions is passed over, so an index can be skipped.
 */
export interface SectionChangeDetail {
  index: number;
  count: number;
}

/**
 * The events the widget dispatches on the element the page placed, only when the options say
 * `events: true` (bubbling, and crossing shadow roots, so a listener on the document or the window
 * hears them too). They say where the client is, never what they answered: a page cannot leak
 * what it is never given.
 */
export interface EndingWellEventMap {
  /** The widget is mounted and shows its first screen. Not sent when it shows problems. */
  "ending-well:ready": CustomEvent<null>;
  /** A section is shown. */
  "ending-well:section-change": CustomEvent<SectionChangeDetail>;
  /** The client reached their summary. */
  "ending-well:complete": CustomEvent<null>;
}

declare global {
  interface HTMLElementTagNameMap {
    "ending-well": EndingWellElement;
  }

  interface HTMLElementEventMap extends EndingWellEventMap {}
  interface DocumentEventMap extends EndingWellEventMap {}
  interface WindowEventMap extends EndingWellEventMap {}
}

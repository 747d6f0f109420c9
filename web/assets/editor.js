// Entry point of the SPARQL editor bundle (esbuild → build/vendor/editor.js, see
// package.json). Our own code only: the libraries come from node_modules at build time.
//
// window.KGEditor.fromTextArea(textarea) puts a CodeMirror 6 editor in place of the
// <textarea>, keeps the textarea's value in step (the form still submits it, so the
// page works the same with or without the editor) and adds Ctrl/Cmd-Enter to run.
import {EditorView, basicSetup} from "codemirror";
import {keymap} from "@codemirror/view";
import {StreamLanguage} from "@codemirror/language";
import {autocompletion, completeFromList} from "@codemirror/autocomplete";
import {sparql} from "@codemirror/legacy-modes/mode/sparql";

const KEYWORDS = ["SELECT", "DISTINCT", "WHERE", "OPTIONAL", "FILTER", "UNION", "GROUP BY", "ORDER BY",
  "LIMIT", "OFFSET", "PREFIX", "CONSTRUCT", "ASK", "DESCRIBE", "GRAPH", "BIND", "VALUES", "COUNT",
  "SAMPLE", "GROUP_CONCAT", "HAVING", "DESC", "ASC", "LANG", "STR", "CONTAINS", "YEAR", "NOW"];

function completions(terms) {
  const options = KEYWORDS.map((k) => ({label: k, type: "keyword"}))
    .concat(terms.map((t) => ({label: t.label, type: t.type || "property", detail: t.detail || ""})));
  return completeFromList(options);
}

function fromTextArea(textarea, opts = {}) {
  const form = textarea.form;
  const run = () => {
    if (form) {
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    }
    return true;
  };
  const label = textarea.labels && textarea.labels[0];
  // the page's CSP allows inline <style> only with its nonce (web/security.py)
  const nonceMeta = document.querySelector('meta[name="csp-nonce"]');
  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      basicSetup,
      EditorView.cspNonce.of(nonceMeta ? nonceMeta.content : ""),
      StreamLanguage.define(sparql),
      autocompletion({override: [completions(opts.terms || [])]}),
      keymap.of([{key: "Mod-Enter", run}]),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of(label && label.id ? {"aria-labelledby": label.id} : {"aria-label": "SPARQL 질의"}),
      EditorView.updateListener.of((u) => { if (u.docChanged) textarea.value = u.state.doc.toString(); }),
    ],
  });
  textarea.parentNode.insertBefore(view.dom, textarea);
  textarea.hidden = true;
  textarea.setAttribute("aria-hidden", "true");
  view.dom.classList.add("cm-kg");
  if (form) form.addEventListener("submit", () => { textarea.value = view.state.doc.toString(); });
  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue: (text) => view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}}),
  };
}

window.KGEditor = {fromTextArea};

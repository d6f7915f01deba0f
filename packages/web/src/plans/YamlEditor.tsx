import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { PlanIssue } from '@attain/contract';
import { markerRange, offsetOf } from './plan-source.js';

export interface YamlEditorHandle {
  /** Puts the cursor at a 1-based line and column, scrolls it into view and focuses the editor. */
  moveTo(line: number, column: number): void;
}

interface Props {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Problems to mark inline, at their line and column. */
  readonly issues: readonly PlanIssue[];
  readonly label: string;
}

function diagnosticsOf(text: string, issues: readonly PlanIssue[]): Diagnostic[] {
  return issues.map((i) => ({ ...markerRange(text, i.line, i.column), severity: 'error', message: `${i.field}: ${i.message}`, source: `line ${i.line}, column ${i.column}` }));
}

/**
 * The plan source in CodeMirror 6: YAML highlighting, line numbers, undo history and lint
 * markers (underline and gutter) at each issue's line and column. The text is owned by the
 * parent; a new `value` that differs from the editor's (a loaded version, a bumped version
 * number) replaces the document.
 */
export const YamlEditor = forwardRef<YamlEditorHandle, Props>(function YamlEditor({ value, onChange, issues, label }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (!host.current) return undefined;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(), highlightActiveLineGutter(), history(), drawSelection(), indentOnInput(), bracketMatching(), highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }), yaml(), lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'plan-source' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (editor) editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(editor.state.doc.toString(), issues)));
  }, [issues, value]);

  useImperativeHandle(ref, () => ({
    moveTo(line, column) {
      const editor = view.current;
      if (!editor) return;
      const at = offsetOf(editor.state.doc.toString(), line, column);
      editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      editor.focus();
    },
  }), []);

  return <div className="plan-editor-source" ref={host} />;
});

/** `--progress`, worded alike in every command that reports progress (src/io/progress.ts). */
export const PROGRESS_HELP =
  'show progress also when stderr is not a terminal (plain lines at each tenth, from the start); without it, progress is drawn on a terminal only, after a second of work';

// The Windows side of the app link, as Electron does it. Pure: tested in Node.
//
// Electron's setAsDefaultProtocolClient writes, and isDefaultProtocolClient
// compares, one string: the default value of
// HKCU\Software\Classes\<scheme>\shell\open\command (shell/browser/browser_win.cc,
// GetProtocolLaunchPath): the executable (default process.execPath) and each
// argument quoted by AddQuoteForArg (shell/common/command_line_util_win.cc),
// joined by spaces, then ` "%1"`. isDefaultProtocolClient reads HKCU only and
// compares the strings exactly, so the app needs the same string to check.
// Reading the registry itself (reg.exe) tells who holds the scheme otherwise.

/**
 * Quotes one argument as Electron's AddQuoteForArg does (CommandLineToArgvW's
 * rules): unchanged unless it holds a space, a backslash or a double quote;
 * else in double quotes, a `"` escaped, and a run of backslashes doubled when
 * a quote follows it (or the end).
 */
export function quoteWindowsArg(arg: string): string {
  if (!/[ \\"]/.test(arg)) return arg;
  let out = '"';
  for (let i = 0; i < arg.length; i++) {
    if (arg[i] === '\\') {
      let end = i + 1;
      while (end < arg.length && arg[end] === '\\') end++;
      const run = end - i;
      out += '\\'.repeat(end === arg.length || arg[end] === '"' ? run * 2 : run);
      i = end - 1;
    } else if (arg[i] === '"') {
      out += '\\"';
    } else {
      out += arg[i];
    }
  }
  return `${out}"`;
}

/**
 * The command string Electron registers for `program` and `args`
 * (GetProtocolLaunchPath): surrounding quotes of the program are dropped
 * first, as Electron does.
 */
export function windowsProtocolCommand(program: string, args: readonly string[]): string {
  const exe =
    program.length >= 2 && program.startsWith('"') && program.endsWith('"')
      ? program.slice(1, -1)
      : program;
  return [quoteWindowsArg(exe), ...args.map(quoteWindowsArg), '"%1"'].join(' ');
}

/** The key whose default value holds the command (Electron writes HKCU). */
export function windowsCommandKey(scheme: string): string {
  return `HKCU\\Software\\Classes\\${scheme}\\shell\\open\\command`;
}

/**
 * The data of the one value `reg query <key> /ve` printed, or null when it
 * printed none. reg.exe prints the key, then the value as `<name>    <type>
 * <data>` separated by four spaces; the name of the default value is
 * localised ("(Default)", "(Výchozí)"), so the line is found by its type.
 */
export function parseRegQueryValue(output: string): string | null {
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s+.*?\s{4}(REG_SZ|REG_EXPAND_SZ)(?:\s{4}(.*))?$/.exec(line);
    if (match) return (match[2] ?? '').trimEnd();
  }
  return null;
}

/**
 * The program a command string starts: CommandLineToArgvW's rule for the
 * first argument (a quoted one runs to the next quote, no escapes; else to
 * the first space or tab). Null for an empty command.
 */
export function programOfWindowsCommand(command: string): string | null {
  const text = command.trimStart();
  if (text === '') return null;
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    return end < 0 ? text.slice(1) : text.slice(1, end);
  }
  return text.split(/[ \t]/, 1)[0] ?? null;
}

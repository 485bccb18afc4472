// Colour only for a terminal, NO_COLOR and FORCE_COLOR honoured (https://no-color.org,
// https://force-color.org). chalk is loaded only when there is colour to make.


export interface Paint {
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
  cyan: (s: string) => string;
}

const plain: Paint = { red: id, yellow: id, green: id, dim: id, bold: id, cyan: id };

function id(s: string): string {
  return s;
}

/** 0 (none) to 3 (truecolor) for a stream, from the environment and whether it is a TTY. */
export function colorLevel(isTTY: boolean, env: NodeJS.ProcessEnv = process.env): 0 | 1 | 2 | 3 {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '' || force === 'true') return 1;
    const n = Number.parseInt(force, 10);
    return Number.isNaN(n) ? 1 : (Math.min(Math.max(n, 0), 3) as 0 | 1 | 2 | 3);
  }
  if (env['NO_COLOR']) return 0;
  if (!isTTY || env['TERM'] === 'dumb') return 0;
  return env['COLORTERM'] === 'truecolor' ? 3 : 2;
}

export async function loadPaint(level: 0 | 1 | 2 | 3): Promise<Paint> {
  if (level === 0) return plain;
  const { Chalk } = (await import('chalk')) as typeof import('chalk');
  const chalk = new Chalk({ level });
  return { red: chalk.red, yellow: chalk.yellow, green: chalk.green, dim: chalk.dim, bold: chalk.bold, cyan: chalk.cyan };
}

export { plain };

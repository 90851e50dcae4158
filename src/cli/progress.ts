/**
 * A one-line progress bar on a terminal's stderr, redrawn at most every 100 ms; silent when stderr
 * is not a terminal (piped, CI), so machine-readable output stays clean.
 */
export class Progress {
  private done = 0;
  private total = 0;
  private failed = 0;
  private lastDraw = 0;
  private readonly started = Date.now();
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    readonly enabled: boolean = Boolean(stream.isTTY) && !process.env.CI,
  ) {}

  plan(count: number): void {
    this.total += count;
    this.draw();
  }

  tick(ok = true): void {
    this.done++;
    if (this.total < this.done) this.total = this.done;
    if (!ok) this.failed++;
    this.draw();
  }

  set(done: number, total: number): void {
    this.done = done;
    this.total = total;
    this.draw();
  }

  /** Prints a line above the bar (an error, say) without garbling it. */
  log(line: string): void {
    if (this.enabled && this.drawn) this.stream.write('\r\x1b[2K');
    this.stream.write(line + '\n');
    if (this.enabled && this.drawn) this.draw(true);
  }

  finish(): void {
    if (!this.enabled || !this.drawn) return;
    this.draw(true);
    this.stream.write('\n');
    this.drawn = false;
  }

  private draw(force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100 && this.done < this.total) return;
    this.lastDraw = now;
    const width = 28;
    const frac = this.total > 0 ? Math.min(1, this.done / this.total) : 0;
    const filled = Math.round(frac * width);
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? this.done / secs : 0;
    const failed = this.failed ? `, ${this.failed} failed` : '';
    const line = `${this.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${this.done}/${this.total || '?'} ${rate.toFixed(1)}/s${failed}`;
    this.stream.write('\r\x1b[2K' + line);
    this.drawn = true;
  }
}

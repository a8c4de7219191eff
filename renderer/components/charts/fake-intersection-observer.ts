// Test helper: an IntersectionObserver the test drives, for the paced (browser) path of EChart.
type Callback = (entries: Array<{ target: Element; isIntersecting: boolean }>) => void;

export class FakeIntersectionObserver {
  static observers = new Set<FakeIntersectionObserver>();
  private targets = new Set<Element>();

  constructor(private callback: Callback) {
    FakeIntersectionObserver.observers.add(this);
  }

  observe(target: Element) {
    this.targets.add(target);
  }

  unobserve(target: Element) {
    this.targets.delete(target);
  }

  disconnect() {
    this.targets.clear();
    FakeIntersectionObserver.observers.delete(this);
  }

  takeRecords() {
    return [];
  }

  /** Report `target` as on screen or off it to whoever observes it. */
  static setOnScreen(target: Element, isIntersecting: boolean) {
    for (const o of FakeIntersectionObserver.observers) {
      if (o.targets.has(target)) o.callback([{ target, isIntersecting }]);
    }
  }
}

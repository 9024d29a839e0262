// The map's view: zoom `k` and centre (cx, cy) in map units, the visible part as a viewBox, and moving it — drag,
// Ctrl/⌘ + wheel, two fingers (pinch), the buttons. Markers keep their size on the screen; only the view changes.
// The view has the stage's shape: on a phone's taller stage the world fills its height at the smallest zoom, and
// the map is moved sideways.

/**
 * @param {{W: number, H: number, maxZoom: number, stage: () => HTMLElement, aspect?: () => number}} spec
 *   the map's size in its units, the largest zoom, the stage (the element the map is drawn in) and its height over
 *   its width (the map's own, H / W, by default)
 */
export function createMapView({ W, H, maxZoom, stage, aspect = () => H / W }) {
  // the view's height in map units at zoom 1, and the zoom at which the world fills the view's height
  const viewH = $derived(W * (aspect() || H / W));
  const minZoom = $derived(Math.max(1, viewH / H));
  let zoom = $state(1);
  let cx = $state(W / 2);
  let cy = $state(H / 2);
  const k = $derived(Math.min(maxZoom, Math.max(minZoom, zoom)));
  // clamped here too, so that a stage changing its shape never shows beyond the map
  const at = $derived(clamp(cx, cy, k));
  const vb = $derived([at[0] - W / (2 * k), at[1] - viewH / (2 * k), W / k, viewH / k]);

  let drag = $state(null);
  let moved = $state(false);
  const pointers = new Map(); // pointers down on the map: id → [clientX, clientY]
  let pinch = null;

  function clamp(x, y, kk) {
    const hw = W / (2 * kk);
    const hh = Math.min(H / 2, viewH / (2 * kk));
    return [Math.min(W - hw, Math.max(hw, x)), Math.min(H - hh, Math.max(hh, y))];
  }
  function clampCenter() {
    [cx, cy] = clamp(cx, cy, k);
  }
  function zoomTo(newK, x = at[0], y = at[1]) {
    zoom = Math.min(maxZoom, Math.max(minZoom, newK));
    [cx, cy] = clamp(x, y, k);
  }
  /** Zooms by `factor` keeping the map point (px, py) where it is on the screen (the centre by default). */
  function zoomAround(factor, px = at[0], py = at[1]) {
    const newK = Math.min(maxZoom, Math.max(minZoom, k * factor));
    zoomTo(newK, px - (px - at[0]) * (k / newK), py - (py - at[1]) * (k / newK));
  }

  // The map position under a point of the screen.
  function mapPoint(e) {
    const rect = stage().getBoundingClientRect();
    return [vb[0] + ((e.clientX - rect.left) / rect.width) * vb[2], vb[1] + ((e.clientY - rect.top) / rect.height) * vb[3]];
  }

  // Where two fingers are: their distance and their midpoint as a fraction of the stage.
  function fingers() {
    const [a, b] = [...pointers.values()];
    const rect = stage().getBoundingClientRect();
    return {
      distance: Math.hypot(a[0] - b[0], a[1] - b[1]) || 1,
      fx: ((a[0] + b[0]) / 2 - rect.left) / rect.width,
      fy: ((a[1] + b[1]) / 2 - rect.top) / rect.height,
    };
  }

  function pointerdown(e) {
    if (e.button !== 0) return;
    pointers.set(e.pointerId, [e.clientX, e.clientY]);
    if (pointers.size === 2) {
      drag = null;
      moved = true; // a pinch is never a click
      const f = fingers();
      // the map point between the fingers stays between them
      pinch = { distance: f.distance, k, x: vb[0] + f.fx * vb[2], y: vb[1] + f.fy * vb[3] };
      return;
    }
    drag = { x: e.clientX, y: e.clientY, cx: at[0], cy: at[1] };
    moved = false;
  }
  /** Answers true while the map is being moved (the pointer then points at nothing). */
  function pointermove(e) {
    if (pointers.has(e.pointerId)) pointers.set(e.pointerId, [e.clientX, e.clientY]);
    if (pinch && pointers.size === 2) {
      const f = fingers();
      const newK = Math.min(maxZoom, Math.max(minZoom, (pinch.k * f.distance) / pinch.distance));
      zoomTo(newK, pinch.x - (f.fx - 0.5) * (W / newK), pinch.y - (f.fy - 0.5) * (viewH / newK));
      return true;
    }
    if (!drag) return false;
    const scale = W / k / stage().clientWidth;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 4) moved = true;
    if (!moved) return false;
    cx = drag.cx - dx * scale;
    cy = drag.cy - dy * scale;
    clampCenter();
    return true;
  }
  /** Answers true when the pointer went down and up without moving the map: a click (or tap) on the map. */
  function pointerup(e) {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = null;
    const wasClick = !!drag && !moved && e.type === 'pointerup';
    drag = null;
    return wasClick;
  }
  function pointerleave(e) {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = null;
    drag = null;
  }
  function onwheel(e) {
    if (!e.ctrlKey && !e.metaKey) return; // plain scrolling keeps scrolling the page
    e.preventDefault();
    const [px, py] = mapPoint(e);
    zoomAround(e.deltaY < 0 ? 1.4 : 1 / 1.4, px, py);
  }
  // Not through an event attribute: wheel listeners there are passive and could not keep the page still.
  $effect(() => {
    const el = stage();
    el.addEventListener('wheel', onwheel, { passive: false });
    return () => el.removeEventListener('wheel', onwheel);
  });

  return {
    maxZoom,
    get minZoom() {
      return minZoom;
    },
    get k() {
      return k;
    },
    get vb() {
      return vb;
    },
    /** While a drag moves the map. */
    get dragging() {
      return !!drag && moved;
    },
    /** Whether the last pointer down moved the map (a click that ends a drag is no click). */
    get dragged() {
      return moved;
    },
    zoomTo,
    zoomBy: (factor) => zoomAround(factor),
    mapPoint,
    pointerdown,
    pointermove,
    pointerup,
    pointerleave,
  };
}

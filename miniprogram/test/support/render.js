/**
 * Loads a page or component of the mini-program with miniprogram-simulate (the official WXML compiler), renders it into
 * jsdom and gives the test what a person would see and do: its text, taps, typing.
 */
const path = require('path');
const simulate = require('miniprogram-simulate');

const ROOT = path.join(__dirname, '..', '..', 'src');

/**
 * simulate runs a page's or component's JS with require(), which under jest runs a file once per test file: a
 * component used by a second page would then never call Component() again and render nothing. Run the file's source
 * afresh each time instead; what it requires (api, store…) still comes from jest's registry, shared with the test.
 */
const fs = require('fs');
require('miniprogram-simulate/src/utils').runJs = (filePath) => {
  const file = filePath.endsWith('.js') ? filePath : `${filePath}.js`;
  const source = fs.readFileSync(file, 'utf8');
  const dir = path.dirname(file);
  const local = (p) => require(p.startsWith('.') ? path.resolve(dir, p) : p);
  const mod = { exports: {} };
  // eslint-disable-next-line no-new-func
  new Function('require', 'module', 'exports', '__filename', '__dirname', source)(local, mod, mod.exports, file, dir);
};

/** Lets pending promises and timers (the fake wx answers on a 0 ms timer) run until the page is quiet. */
async function settle(rounds = 30) {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
  }
}

/**
 * @param {string} pagePath e.g. 'pages/home/index'
 * @param {Record<string,string>} [query] what onLoad receives
 */
const loaded = {};
/** simulate.load runs the page's JS once per test file (jest keeps the module), so ids are reused. */
function load(p) {
  if (!loaded[p]) loaded[p] = simulate.load(path.join(ROOT, p), { rootPath: ROOT });
  return loaded[p];
}

async function openPage(pagePath, query = {}, { show = true } = {}) {
  const id = load(pagePath);
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  const inst = comp.instance;
  global.__currentPages = [{ route: pagePath }];
  if (inst.onLoad) await inst.onLoad(query);
  if (show && inst.onShow) await inst.onShow();
  await settle();
  return wrap(comp);
}

/** A component with properties. */
async function openComponent(componentPath, props = {}) {
  const id = load(componentPath);
  const comp = simulate.render(id, props);
  comp.attach(document.createElement('parent-wrapper'));
  await settle();
  return wrap(comp);
}

function text(node) {
  return (node.textContent || '').replace(/\s+/g, ' ').trim();
}

/** Every element of the rendered tree, custom components included. */
function all(comp) {
  return Array.from(comp.dom.querySelectorAll('*'));
}

function wrap(comp) {
  const api = {
    comp,
    get data() { return comp.data; },
    get instance() { return comp.instance; },
    /** All visible text, whitespace collapsed. */
    text: () => text(comp.dom),
    /** The selector's first match (a simulate node wrapper), or null. */
    $(selector) { return comp.querySelector(selector); },
    $$(selector) { return comp.querySelectorAll(selector); },
    /** Taps the first element (in document order, custom components included) whose own text contains `label`. */
    async tap(label, { index = 0 } = {}) {
      const target = findByText(comp, label, index);
      if (!target) throw new Error(`nothing to tap labelled “${label}” in: ${text(comp.dom)}`);
      target.dispatchEvent('tap');
      await settle();
    },
    async tapSelector(selector) {
      const node = comp.querySelector(selector);
      if (!node) throw new Error(`no ${selector}`);
      node.dispatchEvent('tap');
      await settle();
    },
    /** Types into the input matched by selector (fires the input event with the value). */
    async type(selector, value) {
      const node = comp.querySelector(selector);
      if (!node) throw new Error(`no input ${selector}`);
      node.dispatchEvent('input', { detail: { value } });
      await settle();
    },
    async fire(selector, event, detail) {
      const node = comp.querySelector(selector);
      if (!node) throw new Error(`no ${selector}`);
      node.dispatchEvent(event, { detail });
      await settle();
    },
    settle,
  };
  return api;
}

/**
 * Finds a tappable element by its visible text: walks the exparser tree (custom components' shadow trees included),
 * keeps elements with a tap handler whose text contains the label, tightest text first.
 */
const exparser = require(require.resolve('miniprogram-exparser', { paths: [path.dirname(require.resolve('j-component'))] }));

function tappables(comp) {
  const found = [];
  const visit = (node) => {
    if (!(node instanceof exparser.Element)) return;
    const events = (node._vt && node._vt.event) || {};
    if (Object.values(events).some((e) => e && e.name === 'tap') && node.$$) found.push(node);
    if (node instanceof exparser.Component && node.shadowRoot instanceof exparser.Element) visit(node.shadowRoot);
    (node.childNodes || []).forEach(visit);
  };
  visit(comp._exparserNode);
  return found;
}

function findByText(comp, label, index) {
  const matches = tappables(comp).filter((n) => text(n.$$).includes(label));
  matches.sort((a, b) => text(a.$$).length - text(b.$$).length);
  const node = matches[index];
  if (!node) return null;
  const Ctor = Object.getPrototypeOf(Object.getPrototypeOf(comp)).constructor; // Component, not RootComponent
  return node.__componentNode__ || new Ctor(node);
}

module.exports = { openPage, openComponent, settle, ROOT };

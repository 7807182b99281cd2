// Small DOM helpers shared by the dashboard's pages. Text goes in as text nodes, never as HTML.

/** An element with attributes and children (strings become text nodes); attributes with null are left out. */
export function el(tag, attributes = {}, ...children) {
  const svg = ['svg', 'g', 'polyline', 'circle', 'line', 'text', 'title'].includes(tag);
  const element = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const error = new Error(problem.detail || problem.title || `${url}: HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

/** A name as text, marked lang="ko" when it is written in Hangul (so that it is read and rendered as Korean). */
export function name(text) {
  return el('span', { lang: HANGUL.test(text || '') ? 'ko' : null }, text || '');
}

/** A decimal as the ledger writes it ("150000", "83.95"), with thousands separators; never through a float. */
export function amount(decimal) {
  if (decimal === null || decimal === undefined) {
    return '—';
  }
  const [whole, fraction] = String(decimal).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + digits + (fraction !== undefined ? '.' + fraction : '');
}

/** An RFC 3339 time in UTC, to the second: the ledger's times are UTC. */
export function time(text) {
  return text ? text.replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace('Z', ' UTC') : '';
}

export function shortHash(hash) {
  return hash ? hash.slice(0, 12) + '…' : '';
}

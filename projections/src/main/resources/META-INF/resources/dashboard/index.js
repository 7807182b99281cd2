import { el, getJson, name, time } from './ui.js';

async function show() {
  const body = document.querySelector('#competitions tbody');
  try {
    const competitions = await getJson('/competitions');
    const rows = competitions.map(c => el('tr', {},
      el('td', {}, el('a', { href: '/c/' + encodeURIComponent(c.competitionId) },
        c.launch ? name(c.launch.name) : c.competitionId), el('br'), el('code', {}, c.competitionId)),
      el('td', {}, c.launch ? name(c.launch.organiser) : ''),
      el('td', {}, c.launch ? time(c.launch.time) : ''),
      el('td', { class: 'number' }, c.checkpoint ? String(c.checkpoint.treeSize) : 'not yet signed')));
    body.replaceChildren(...(rows.length ? rows
      : [el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'No competition on the ledger yet.'))]));
  } catch (e) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 4, class: 'error' }, 'Cannot list competitions: ' + e.message)));
  }
}

show();

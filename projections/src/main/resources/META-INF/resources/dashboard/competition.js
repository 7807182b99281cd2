import { amount, el, getJson, name, shortHash, time } from './ui.js';
import {
  bytesToHex, checkpointSignature, consistencyHolds, hexToBytes, inclusionHolds, leafHash, recordHashHolds, treeRoot,
} from './proofs.js';

const competitionId = decodeURIComponent(location.pathname.split('/')[2] || '');
const api = '/competitions/' + encodeURIComponent(competitionId);
const PAGE = 1000;
const MAX_RECORDS = 20000; // beyond this the page shows the first records only, and says so

const state = {
  records: [],        // by leaf index: { leafIndex, position, record, hashHolds }
  knownTreeSize: 0,   // the largest tree size projections told of
  views: null,
  keys: null,
  latest: null,       // latest checkpoint and its signature's verdict
  latestSignature: null,
  checkpoints: [],
  asOf: null,         // an earlier checkpoint chosen, or null for the latest
  connection: 'connecting',
  lastUpdate: null,
};

// ---- the ledger's facts, read from its records ------------------------------------------------------------------

const typeOf = record => record.type.slice(record.type.lastIndexOf('.') + 1);

function facts() {
  const f = { launch: null, teams: new Map(), withdrawn: new Set(), eliminated: new Map(), grants: new Map(),
    revocations: new Map(), byEvent: new Map() };
  for (const { leafIndex, record } of state.records) {
    f.byEvent.set(record.id, leafIndex);
    const d = record.data;
    switch (typeOf(record)) {
      case 'CompetitionLaunched': f.launch = f.launch || d; break;
      case 'TeamSelected': f.teams.set(d.teamId, d); break;
      case 'TeamWithdrew': f.withdrawn.add(d.teamId); break;
      case 'TeamEliminated': f.eliminated.set(d.teamId, { ...d, eventId: record.id }); break;
      case 'FundingGranted': f.grants.set(d.grantId, d); break;
      case 'FundingRevoked': {
        const teamId = f.grants.get(d.grantId)?.teamId;
        if (!f.revocations.has(teamId)) f.revocations.set(teamId, []);
        f.revocations.get(teamId).push({ ...d, eventId: record.id });
        break;
      }
      default:
    }
  }
  return f;
}

function teamName(f, teamId) {
  const team = f.teams.get(teamId);
  return team ? el('span', {}, name(team.name), ' ', el('span', { class: 'muted' }, '(' + teamId + ')')) : teamId;
}

function roundNumber(roundId) {
  const round = (state.views?.rounds || []).find(r => r.rules?.roundId === roundId);
  return round?.rules?.number ?? roundId;
}

function statusOf(f, teamId) {
  const finalists = state.views?.standings?.finalists || [];
  if (finalists.includes(teamId)) return { text: 'finalist', kind: 'finalist' };
  if (f.eliminated.has(teamId)) {
    return { text: 'eliminated in round ' + roundNumber(f.eliminated.get(teamId).roundId), kind: 'eliminated' };
  }
  if (f.withdrawn.has(teamId)) return { text: 'withdrawn', kind: 'withdrawn' };
  return { text: 'active', kind: 'active' };
}

const statusCell = status => el('td', {}, el('span', { class: 'status ' + status.kind }, status.text));

function wrap(table, label) {
  return el('div', { class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: 0 }, table);
}

// ---- standings ----------------------------------------------------------------------------------------------------

function renderStandings(f) {
  const parts = [];
  const teamIds = [...f.teams.keys()];
  parts.push(wrap(el('table', {},
    el('caption', {}, 'Teams'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Team'), el('th', { scope: 'col' }, 'Lead organisation'),
      el('th', { scope: 'col' }, 'Status'))),
    el('tbody', {}, teamIds.map(id => el('tr', {},
      el('th', { scope: 'row' }, teamName(f, id)), el('td', {}, name(f.teams.get(id).leadOrganisation)),
      statusCell(statusOf(f, id)))))), 'Teams'));

  const byRound = state.views.standings.byRound || {};
  for (const round of [...state.views.rounds].reverse()) {
    const rules = round.rules;
    if (!rules) continue;
    const standings = byRound[rules.roundId];
    const means = new Map((round.scores || []).map(s => [s.teamId, s.criterionMeans]));
    const criteria = rules.criteria.map(c => c.name);
    const table = el('table', {},
      el('caption', {}, `Round ${rules.number} (${rules.roundId}) — ${round.closed ? 'closed' : 'open'}`
        + (standings ? '' : ', not decided yet')),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'number' }, 'Rank'), el('th', { scope: 'col' }, 'Team'),
        el('th', { scope: 'col', class: 'number' }, 'Weighted total'),
        criteria.map(c => el('th', { scope: 'col', class: 'number' }, c + ' mean')), el('th', { scope: 'col' }, 'Status'))),
      el('tbody', {}, (standings || []).map(s => el('tr', {},
        el('td', { class: 'number' }, String(s.rank)), el('th', { scope: 'row' }, teamName(f, s.teamId)),
        el('td', { class: 'number' }, s.submitted ? amount(s.total) : 'no submission'),
        criteria.map(c => el('td', { class: 'number' }, amount(means.get(s.teamId)?.[c]))),
        statusCell(statusOf(f, s.teamId))))));
    const aside = el('aside', { class: 'rules', id: 'rules-' + rules.roundId,
      'aria-label': `Declared rules of round ${rules.number}` },
      el('h3', {}, `Rules of round ${rules.number}`),
      el('dl', { class: 'facts' },
        el('dt', {}, 'Criteria'), el('dd', {}, rules.criteria.map(c => `${c.name} × ${c.weight} (max ${c.maxScore})`).join(', ')),
        el('dt', {}, 'Decimals'), el('dd', {}, String(rules.decimals)),
        el('dt', {}, 'Eliminated'), el('dd', {}, `the lowest ${rules.eliminate}`),
        el('dt', {}, 'Tie-break'), el('dd', {}, rules.tieBreak.join(' → ')),
        el('dt', {}, 'Submission deadline'), el('dd', {}, time(rules.submissionDeadline))));
    parts.push(el('div', { class: 'round' }, wrap(table, `Standings of round ${rules.number}`), aside));
  }
  document.getElementById('standings-rounds').replaceChildren(...parts);
  renderChart(f);
}

const COLOURS = ['#1b5e9f', '#b23a00', '#2e7d32', '#6a1b9a', '#8d6e00', '#00695c', '#ad1457', '#37474f'];

function renderChart(f) {
  const byRound = state.views.standings.byRound || {};
  const rounds = state.views.rounds.map(r => r.rules).filter(r => r && byRound[r.roundId]);
  const figure = document.getElementById('chart-figure');
  if (rounds.length === 0) {
    figure.hidden = true;
    return;
  }
  const series = new Map();
  rounds.forEach((r, i) => byRound[r.roundId].forEach(s => {
    if (s.total === null || s.total === undefined) return;
    if (!series.has(s.teamId)) series.set(s.teamId, []);
    series.get(s.teamId).push([i, Number(s.total), s.total]); // a float to draw with only; the text is the decimal
  }));
  const values = [...series.values()].flat().map(p => p[1]);
  const low = Math.floor(Math.min(...values)) - 1;
  const high = Math.ceil(Math.max(...values)) + 1;
  const width = 640; const height = 260; const left = 48; const right = 170; const top = 16; const bottom = 36;
  const x = i => left + (rounds.length === 1 ? (width - left - right) / 2 : i * (width - left - right) / (rounds.length - 1));
  const y = v => top + (high - v) * (height - top - bottom) / (high - low);
  const children = [el('title', {}, 'Weighted totals by round')];
  children.push(el('line', { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, stroke: '#555' }));
  children.push(el('line', { x1: left, y1: top, x2: left, y2: height - bottom, stroke: '#555' }));
  [low, (low + high) / 2, high].forEach(v => children.push(el('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end',
    'font-size': 12, fill: '#222' }, v.toFixed(1))));
  rounds.forEach((r, i) => children.push(el('text', { x: x(i), y: height - bottom + 18, 'text-anchor': 'middle',
    'font-size': 12, fill: '#222' }, 'round ' + r.number)));
  [...series.entries()].forEach(([teamId, points], n) => {
    const colour = COLOURS[n % COLOURS.length];
    const g = el('g', {}, el('title', {}, teamId + ': ' + points.map(p => p[2]).join(' → ')));
    if (points.length > 1) {
      g.append(el('polyline', { points: points.map(p => `${x(p[0])},${y(p[1])}`).join(' '), fill: 'none',
        stroke: colour, 'stroke-width': 2 }));
    }
    points.forEach(p => g.append(el('circle', { cx: x(p[0]), cy: y(p[1]), r: 4, fill: colour })));
    const last = points[points.length - 1];
    g.append(el('text', { x: width - right + 8, y: top + 14 + n * 18, 'font-size': 12, fill: colour },
      '● ' + teamId + ' ' + last[2]));
    children.push(g);
  });
  document.getElementById('chart').replaceChildren(el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': 'Chart of each team\u2019s weighted total across rounds' }, children));
  figure.hidden = false;
}

// ---- funding ------------------------------------------------------------------------------------------------------

function renderFunding(f) {
  const funding = state.views.funding;
  const resources = [...new Set([...Object.keys(funding.budget || {}), ...Object.keys(funding.totals || {})])].sort();
  const tables = resources.map(resource => {
    const totals = funding.totals[resource];
    const budget = funding.budget[resource];
    const teams = Object.entries(funding.teams || {}).filter(([, byResource]) => byResource[resource]);
    const row = (label, a, revokedLinks) => el('tr', {}, label,
      el('td', { class: 'number' }, amount(a.granted)), el('td', { class: 'number' }, amount(a.disbursed)),
      el('td', { class: 'number' }, amount(a.revoked), revokedLinks || ''),
      el('td', { class: 'number' }, amount(a.remaining)));
    return wrap(el('table', {},
      el('caption', {}, `${resource}: budget ${amount(budget)}` + (totals ? '' : ', nothing granted yet')),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Team'), el('th', { scope: 'col', class: 'number' }, 'Granted'),
        el('th', { scope: 'col', class: 'number' }, 'Disbursed'), el('th', { scope: 'col', class: 'number' }, 'Revoked'),
        el('th', { scope: 'col', class: 'number' }, 'Remaining'))),
      el('tbody', {}, teams.map(([teamId, byResource]) => row(el('th', { scope: 'row' }, teamName(f, teamId)),
        byResource[resource], revocationLinks(f, teamId, resource)))),
      totals ? el('tfoot', {}, row(el('th', { scope: 'row' }, 'All teams'), totals)) : ''), resource + ' funding');
  });
  document.getElementById('funding-tables').replaceChildren(...tables);
}

/** Each revocation of the team's grants of the resource, linked to the event that caused it (an elimination). */
function revocationLinks(f, teamId, resource) {
  const revocations = (f.revocations.get(teamId) || []).filter(r => f.grants.get(r.grantId)?.resource === resource);
  return revocations.map(r => {
    const cause = state.records[f.byEvent.get(r.cause)]?.record;
    const label = cause && typeOf(cause) === 'TeamEliminated'
      ? `on elimination in round ${roundNumber(cause.data.roundId)}` : 'cause';
    return el('span', { class: 'cause' }, ' ', el('a', { href: '#e-' + r.cause }, label));
  });
}

// ---- round history ------------------------------------------------------------------------------------------------

function describe(f, record) {
  const d = record.data;
  const team = id => teamName(f, id);
  switch (typeOf(record)) {
    case 'CompetitionLaunched': return ['Competition launched: ', name(d.name), ' by ', name(d.organiser)];
    case 'OrganiserAppointed': return ['Organiser appointed: ', d.subject];
    case 'TeamSelected': return ['Team selected: ', name(d.name), ` (${d.leadOrganisation})`];
    case 'TeamKeyRotated': return ['Signing key rotated for ', team(d.teamId), ': ', d.reason];
    case 'TeamWithdrew': return [team(d.teamId), ' withdrew: ', d.reason];
    case 'TeamSupportEnded': return ['Support ended for ', team(d.teamId), ' (', el('a', { href: '#e-' + d.cause }, 'cause'), ')'];
    case 'FundingGranted': return [`Granted ${amount(d.amount)} ${d.resource} to `, team(d.teamId), ` (round ${d.round}, grant ${d.grantId})`];
    case 'FundingDisbursed': return [`Disbursed ${amount(d.amount)} of grant ${d.grantId}`];
    case 'FundingRevoked': return [`Revoked ${amount(d.amount)} of grant ${d.grantId} (`, el('a', { href: '#e-' + d.cause }, 'cause'), ')'];
    case 'RoundOpened': return [`Round ${d.number} (${d.roundId}) opened; submissions until ${time(d.submissionDeadline)}; the lowest ${d.eliminate} eliminated`];
    case 'EvaluatorAssigned': return [`Evaluator ${d.evaluatorId} (`, name(d.affiliation), `) assigned to ${d.roundId} for ${d.criteria.join(', ')}`];
    case 'EvaluatorKeyRotated': return [`Signing key rotated for evaluator ${d.evaluatorId}: ${d.reason}`];
    case 'SubmissionMade': return [team(d.teamId), ` submitted to ${d.roundId} at ${time(d.submittedAt)}: artifact `,
      el('code', { title: d.artifactDigest }, shortHash(d.artifactDigest)), d.envelope ? ' (signed by the team)' : ''];
    case 'EvaluationRecorded': return [`Evaluator ${d.evaluatorId} scored ${d.submissionId} on ${d.criterion}: ${d.score}`,
      d.envelope ? ' (signed)' : ''];
    case 'RoundScored': return [team(d.teamId), ` scored ${amount(d.total)} in ${d.roundId}`];
    case 'StandingsPublished': return [`Standings of ${d.roundId} published`];
    case 'RoundClosed': return [`Round ${d.roundId} closed`];
    case 'TeamEliminated': return [team(d.teamId), ` eliminated in ${d.roundId} (rank ${d.rank}, total ${amount(d.total)}): ${d.rule}`];
    case 'CompetitionConcluded': return ['Competition concluded; finalists: ', d.finalists.join(', ')];
    case 'LedgerSealed': return [`Seal of ${d.source}'s chain at ${d.count} records (key ${d.keyId.slice(0, 8)}…)`];
    default: return [typeOf(record)];
  }
}

function renderHistory(f) {
  const limit = state.asOf ? state.asOf.treeSize : state.records.length;
  const items = [];
  for (let i = Math.min(limit, state.records.length) - 1; i >= 0; i--) {
    const { leafIndex, position, record, hashHolds } = state.records[i];
    items.push(el('li', { id: 'e-' + record.id, value: leafIndex + 1 },
      el('p', {}, el('time', { datetime: record.time }, time(record.time)), ' ', el('strong', {}, typeOf(record))),
      el('p', {}, describe(f, record)),
      el('p', { class: 'where' },
        el('a', { href: `${api}/records?from=${leafIndex}&limit=1` }, `leaf ${leafIndex}, ledger position ${position}`),
        ' · hash ', el('code', { title: record.hash }, shortHash(record.hash)), ' ',
        hashHolds ? el('span', { class: 'ok' }, '✓ hash checked') : el('span', { class: 'error' }, '✗ hash does not match'))));
  }
  document.getElementById('timeline').replaceChildren(...items);
  const truncated = state.knownTreeSize > state.records.length && state.records.length >= MAX_RECORDS;
  document.getElementById('history-note').textContent = (state.asOf
    ? `As of the checkpoint of ${state.asOf.treeSize} records. ` : '')
    + `Every record of the competition, newest first (${state.records.length}${truncated ? ' shown of ' + state.knownTreeSize : ''}).`;
}

// ---- verification -------------------------------------------------------------------------------------------------

function fact(term, ...value) {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

function verdict(ok, yes, no) {
  return el('span', { class: ok ? 'ok' : 'error' }, ok ? '✓ ' + yes : '✗ ' + no);
}

async function renderVerification() {
  const cp = state.latest;
  const box = document.getElementById('checkpoint');
  if (!cp) {
    box.replaceChildren(...fact('Latest checkpoint', 'none signed yet'));
    return;
  }
  box.replaceChildren(
    ...fact('Latest signed checkpoint', `${cp.treeSize} records (ledger position ${cp.position})`),
    ...fact('Root hash', el('code', { class: 'hash' }, cp.rootHash)),
    ...fact('Views digest', el('code', { class: 'hash' }, cp.viewsDigest)),
    ...fact('Signed by key', el('code', {}, cp.keyId)),
    ...fact('Signature', el('span', { id: 'signature' }, verdict(state.latestSignature === 'valid',
      'Ed25519 signature valid (checked in this browser)',
      state.latestSignature === 'unknown key' ? 'signed by a key not served at /ledger/keys' : 'signature INVALID: this checkpoint was not signed by projections\u2019 key'))));
  const check = document.getElementById('ledger-check');
  if (cp.treeSize > MAX_RECORDS) {
    check.replaceChildren(`The signed tree has ${cp.treeSize} records, more than this page reads (${MAX_RECORDS}): `
      + 'each record shown is hash-checked here, and a receipt is proven by its inclusion proof below.');
    return;
  }
  if (state.records.length < cp.treeSize) {
    check.replaceChildren('Records up to the checkpoint are still loading.');
    return;
  }
  const leaves = state.records.slice(0, cp.treeSize);
  const badHashes = leaves.filter(r => !r.hashHolds).length;
  const root = bytesToHex(await treeRoot(leaves.map(r => hexToBytes(r.record.hash))));
  check.replaceChildren(verdict(badHashes === 0 && root === cp.rootHash,
    `all ${cp.treeSize} records hashed here match, and the Merkle root rebuilt from them is the signed root`,
    badHashes ? `${badHashes} records do not match their hashes` : `the Merkle root rebuilt here (${root}) is not the signed root`));
}

async function refreshCheckpoint() {
  try {
    const [keys, latest] = await Promise.all([getJson('/ledger/keys'), getJson(api + '/checkpoints/latest')]);
    state.keys = keys;
    state.latest = latest;
    state.latestSignature = await checkpointSignature(latest, keys);
    state.checkpoints = await getJson(api + '/checkpoints?limit=50');
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  await loadRecords(state.latest ? state.latest.treeSize : 0);
  renderCheckpointChoice();
  await renderVerification();
}

function renderCheckpointChoice() {
  const select = document.getElementById('as-of');
  const earlier = state.checkpoints.filter(c => !state.latest || c.treeSize < state.latest.treeSize);
  const shown = [...select.options].slice(1).map(o => o.value).join();
  // Replaced only when the list changed: a replacement closes the list a reader has open.
  if (select.options.length > 0 && shown === earlier.map(c => String(c.treeSize)).join()) return;
  const chosen = state.asOf ? String(state.asOf.treeSize) : '';
  select.replaceChildren(el('option', { value: '' }, 'The latest'),
    ...earlier.map(c => el('option', { value: c.treeSize, selected: String(c.treeSize) === chosen }, `${c.treeSize} records (ledger position ${c.position})`)));
}

async function chooseCheckpoint() {
  const result = document.getElementById('as-of-result');
  const size = document.getElementById('as-of').value;
  state.asOf = size ? state.checkpoints.find(c => String(c.treeSize) === size) : null;
  renderHistory(facts());
  if (!state.asOf) {
    result.replaceChildren('Showing the latest checkpoint.');
    return;
  }
  const earlier = state.asOf;
  const signature = await checkpointSignature(earlier, state.keys);
  const proof = await getJson(`${api}/proofs/consistency?first=${earlier.treeSize}&second=${state.latest.treeSize}`);
  const consistent = await consistencyHolds(earlier.treeSize, state.latest.treeSize, hexToBytes(earlier.rootHash),
    hexToBytes(state.latest.rootHash), proof.proof.map(hexToBytes));
  result.replaceChildren(verdict(signature === 'valid' && consistent && state.latestSignature === 'valid',
    `the checkpoint of ${earlier.treeSize} records is signed, and the latest tree (${state.latest.treeSize}) extends it: nothing before it was changed since`,
    signature !== 'valid' ? 'the earlier checkpoint\u2019s signature does not verify'
      : state.latestSignature !== 'valid' ? 'the latest checkpoint\u2019s signature does not verify'
        : 'the consistency proof to the latest checkpoint does not verify: the history was rewritten'));
}

function parseReceipt() {
  const pasted = document.getElementById('receipt').value.trim();
  let eventId = document.getElementById('receipt-event').value.trim();
  let hash = document.getElementById('receipt-hash').value.trim();
  if (pasted) {
    const receipt = JSON.parse(pasted);
    eventId = receipt.eventId;
    hash = receipt.hash;
  }
  if (!eventId || !hash) {
    throw new Error('a receipt needs an eventId and a hash');
  }
  return { eventId, hash: hash.toLowerCase() };
}

async function verifyReceipt(event) {
  event.preventDefault();
  const result = document.getElementById('receipt-result');
  result.replaceChildren('Verifying…');
  try {
    const { eventId, hash } = parseReceipt();
    await refreshCheckpoint();
    const cp = state.latest;
    if (!cp || state.latestSignature !== 'valid') {
      result.replaceChildren(verdict(false, '', 'there is no checkpoint with a valid signature to verify against'));
      return;
    }
    let proof;
    try {
      proof = await getJson(`${api}/proofs/inclusion?eventId=${encodeURIComponent(eventId)}&treeSize=${cp.treeSize}`);
    } catch (e) {
      result.replaceChildren(verdict(false, '', e.status === 404
        ? `event ${eventId} is not in the signed tree of ${cp.treeSize} records (yet: a new record is signed within seconds)`
        : e.message));
      return;
    }
    // The server says where the leaf is; the page holds it to the event and hash pasted, and to the record it read.
    const loaded = state.records[proof.leafIndex];
    const sameEvent = proof.eventId === eventId
      && (!loaded || (loaded.record.id === eventId && loaded.record.hash === hash && loaded.hashHolds));
    const included = sameEvent && await inclusionHolds(await leafHash(hexToBytes(hash)), proof.leafIndex, cp.treeSize,
      proof.path.map(hexToBytes), hexToBytes(cp.rootHash));
    const position = loaded?.position;
    result.replaceChildren(verdict(included,
      `included at position ${proof.leafIndex} of the signed tree of ${cp.treeSize} records (ledger position ${position}, root ${shortHash(cp.rootHash)})`,
      'not verified: this event id and hash are not in the signed tree (the receipt was altered, or is not of this competition)'));
  } catch (e) {
    result.replaceChildren(verdict(false, '', 'not verified: ' + e.message));
  }
}

// ---- loading and live updates -------------------------------------------------------------------------------------

async function loadRecords(upTo) {
  while (state.records.length < Math.min(upTo, MAX_RECORDS)) {
    const page = await getJson(`${api}/records?from=${state.records.length}&limit=${PAGE}`);
    state.knownTreeSize = Math.max(state.knownTreeSize, page.treeSize);
    if (page.records.length === 0) break;
    for (const r of page.records) {
      state.records[r.leafIndex] = { ...r, hashHolds: await recordHashHolds(r.record) };
    }
  }
}

async function loadViews() {
  const [standings, funding, rounds] = await Promise.all(['standings', 'funding', 'rounds']
    .map(part => getJson(`${api}/${part}`)));
  state.views = { standings: standings.standings, funding: funding.funding, rounds: rounds.rounds,
    treeSize: standings.treeSize };
  state.knownTreeSize = Math.max(state.knownTreeSize, standings.treeSize);
  await loadRecords(state.knownTreeSize);
}

function render() {
  const f = facts();
  if (f.launch) {
    document.getElementById('name').replaceChildren(name(f.launch.name));
    document.title = f.launch.name + ' — Ledgerboard';
    document.getElementById('about').replaceChildren(el('code', {}, competitionId), ' · organised by ',
      name(f.launch.organiser), ` · ${f.launch.finalists} finalists at most`);
  }
  renderStandings(f);
  renderFunding(f);
  renderHistory(f);
  renderLive();
}

function renderLive() {
  const live = document.getElementById('live');
  const shown = state.views ? state.views.treeSize : 0;
  const behind = Math.max(0, state.knownTreeSize - shown);
  const since = state.lastUpdate ? ` · last update ${time(state.lastUpdate.toISOString())}` : '';
  const texts = {
    connecting: 'Connecting to live updates…',
    live: behind === 0 ? `Live: up to date (${shown} records)${since}` : `Live: ${behind} records behind, catching up${since}`,
    reconnecting: `Reconnecting… (showing ${shown} records)`,
    closed: `Not connected: reload the page to resume (showing ${shown} records)`,
  };
  live.textContent = texts[state.connection];
  live.className = 'live is-' + state.connection;
  live.dataset.treeSize = shown;
}

let refreshing = null;
let again = false;
let checkpointTimer = null;

/** Reads what changed; updates arriving meanwhile are read by one more pass, never by two at once. */
async function refresh() {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      await loadViews();
      render();
    } while (again);
  })().finally(() => { refreshing = null; });
  return refreshing;
}

/** A checkpoint is signed about a second after the records it covers: looked for once updates pause that long. */
function checkpointSoon() {
  clearTimeout(checkpointTimer);
  checkpointTimer = setTimeout(() => refreshCheckpoint().catch(showError), 1500);
}

function listen() {
  const worker = new Worker('/dashboard/updates-worker.js');
  worker.onmessage = ({ data }) => {
    if (data.kind === 'connection') {
      state.connection = data.state;
      renderLive();
      return;
    }
    state.knownTreeSize = Math.max(state.knownTreeSize, data.update.treeSize);
    state.lastUpdate = new Date();
    renderLive();
    refresh().catch(showError);
    checkpointSoon();
  };
  worker.postMessage({ url: api + '/updates' });
}

function showError(e) {
  const live = document.getElementById('live');
  live.textContent = 'Error: ' + e.message;
  live.className = 'live error';
}

async function start() {
  document.getElementById('receipt-form').addEventListener('submit', verifyReceipt);
  document.getElementById('as-of').addEventListener('change', () => chooseCheckpoint().catch(showError));
  document.getElementById('check-again').addEventListener('click', () => refreshCheckpoint().catch(showError));
  try {
    await loadViews();
  } catch (e) {
    document.getElementById('standings-rounds').replaceChildren(el('p', { class: 'error' },
      e.status === 404 ? `No competition ${competitionId} on the ledger (yet).` : 'Cannot load the views: ' + e.message));
    return;
  }
  render();
  listen();
  await refreshCheckpoint();
}

start().catch(showError);

// What a scenario issue can say, as codes. The core returns `{ code, params }`; the message
// catalogue (messages/) words each code in every language the studio and the CLI speak.

export const ISSUE_CODES = [
  // The file itself.
  'json.invalid',
  'json.unterminated-string-line',
  'json.unterminated-string',
  'json.expected-key',
  'json.expected-colon',
  'json.trailing-comma-object',
  'json.unclosed-object',
  'json.expected-comma-object',
  'json.trailing-comma-array',
  'json.unclosed-array',
  'json.expected-comma-array',
  'json.expected-value',
  'json.trailing-content',
  'file.not-object',
  'file.wrong-kind',
  'file.bad-version',
  'file.newer-version',
  'file.too-large',
  'file.too-deep',
  'file.too-many-values',
  'file.invalid',
  'file.more-issues',
  // The schema (zod issues).
  'schema.unknown-key',
  'schema.unknown-type',
  'schema.invalid-type',
  'schema.number-out-of-range',
  'schema.too-few-items',
  'schema.too-short',
  'schema.too-small',
  'schema.too-many-items',
  'schema.too-big',
  'schema.not-one-of',
  'schema.not-a-date',
  'schema.not-an-id',
  'schema.bad-format',
  'schema.not-multiple',
  'schema.other',
  // Cross-field checks.
  'id.duplicate',
  'band.first-not-zero',
  'band.not-ascending',
  'shares.sum',
  'branches.size-weights',
  'aum.holds-share',
  'aum.long-tail',
  'ref.unknown',
  'product.activation-ticket',
  'channel.no-staff',
  'contact.week-above-4-weeks',
  'rule.values-missing',
  'rule.op-list',
  'rule.flag-value',
  'rule.op-number',
  'rule.value-missing',
  'trigger.week',
  'holdout.share',
  'holdout.branches',
  'budget.zero-paid',
  'journey.unreachable',
  'journey.cycle-no-exit',
  'journey.cycle-no-wait',
  'journey.layout-unknown-step',
  'prior.bad-param',
  'prior.fixed-param',
  'prior.uniform',
  'prior.triangular',
  'prior.probability',
  'prior.negative',
  // The assumption ledger.
  'ledger.bad-param',
  'ledger.duplicate',
  'ledger.range',
  // Value paths (priors, compare variants).
  'path.malformed',
  'path.no-key',
  'path.not-a-list',
  'path.no-element',
  'path.not-a-number',
  'path.not-a-value',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** What a reference names, as `ref.unknown` and `path.no-element` say it ("is not a channel"). */
export const REF_KINDS = [
  'tier',
  'product',
  'incentive',
  'step',
  'channel',
  'wealth_level',
  'life_stage',
  'occupation',
  'region',
  'branch',
  'element',
  'strategy',
  'glossary',
  'example',
] as const;

export type RefKind = (typeof REF_KINDS)[number];

/** A parameter: a number, a word from the document, a list of them, a flag, null (missing), or a message inside a message. */
export type MessageParam = string | number | boolean | null | readonly string[] | IssueMessage;

export type MessageParams = { readonly [name: string]: MessageParam };

/** A message as data: the catalogue's code and its parameters. */
export type IssueMessage = { code: IssueCode; params: MessageParams };

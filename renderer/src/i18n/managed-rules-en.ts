// Why a part of the managed configuration was refused: one fragment per rule
// the main process names (main/providers/managed-config-rules.ts; a unit test
// holds the lists equal). Filled in as {{reason}} of managed_config_invalid.
export const managedRulesEn = {
  'file-too-large': 'the file is larger than 1 MB, far more than any such file',
  'file-unreadable': "the file can't be read",
  'file-permission-denied':
    "the file can't be read (permission denied): the operator's account must be able to read it",
  'file-not-json': "the file isn't valid JSON",
  'file-not-object': 'the file must hold one JSON object ({ … })',
  'unknown-setting': "Netrex Connect doesn't know this setting (it knows {{known}})",
  'unknown-fields':
    "the entry has fields Netrex Connect doesn't know ({{names}}); check how they are spelt",
  'wrong-type': 'it must be {{expected}}',
  'not-one-of': 'it must be one of: {{allowed}}',
  empty: 'it must not be empty',
  'too-long': 'it must be at most {{max}} characters long',
  'out-of-range': 'it must be a number from {{min}} to {{max}}',
  'whole-number': 'it must be a whole number',
  'id-format': 'an id is 1–40 lower-case letters, digits or dashes',
  'client-id-format': 'a client ID is printable ASCII without spaces',
  'control-characters': 'it must not contain control characters',
  'duplicate-id': 'an earlier entry has this id already; list each portal once',
  'built-in-address':
    'a built-in portal keeps its address; to use another one, give the portal a new id',
  'built-in-dialect': 'a built-in portal keeps its dialect; give the portal a new id',
  required: "it is required for a portal that isn't built in",
  'url-not-a-url': "it isn't a web address (for example https://portal.example.com)",
  'url-not-https': 'it must start with https:// (plain http:// only for 127.0.0.1 and [::1])',
  'url-has-credentials': 'it must not contain a user name or password',
  'url-has-query-or-fragment': 'it must not contain a query (?…) or a fragment (#…)',
  'rights-none': 'name at least one right',
  'rights-too-many': 'name at most {{max}} rights',
  'rights-repeated': 'name each right once',
  'rights-unknown': 'the rights must be among: {{allowed}}',
  'scopes-format': 'scope names must not contain spaces, quotes, commas or backslashes',
  'unknown-portal': 'it names no portal of this file and no built-in portal that is shown',
  invalid: "the value isn't valid",
  /** What `wrong-type` expects, as {{expected}}. */
  types: {
    boolean: 'true or false (without quotes)',
    string: 'text in quotes',
    array: 'a list in [ ]',
    object: 'an object in { }',
    number: 'a number',
  },
} as const;

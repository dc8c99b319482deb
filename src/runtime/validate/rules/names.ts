// Name and label syntax of k8s.io/apimachinery/pkg/util/validation (validation.go).
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export type NameRule = 'dns1123-label' | 'dns1123-subdomain' | 'dns1035-label';

/** Undefined when valid; otherwise what is wrong, in Kubernetes' terms. */
export function checkName(value: string, rule: NameRule): string | undefined {
  if (rule === 'dns1123-subdomain') {
    if (value.length > 253) return 'must be no more than 253 characters';
    if (!DNS1123_SUBDOMAIN.test(value)) return "must consist of lower case letters, digits, '-' and '.', and start and end with a letter or digit";
    return undefined;
  }
  if (value.length > 63) return 'must be no more than 63 characters';
  if (rule === 'dns1035-label' && !DNS1035_LABEL.test(value)) return "must consist of lower case letters, digits and '-', start with a letter and end with a letter or digit";
  if (rule === 'dns1123-label' && !DNS1123_LABEL.test(value)) return "must consist of lower case letters, digits and '-', and start and end with a letter or digit";
  return undefined;
}

/** A suggestion for a name that breaks the DNS rules: lower-cased, invalid characters turned into '-'. */
export function suggestName(value: string, rule: NameRule = 'dns1123-label'): string {
  let s = value.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  if (rule === 'dns1035-label') s = s.replace(/^[^a-z]+/, ''); // must start with a letter
  s = s.replace(/^-+/, '').slice(0, 63).replace(/-+$/, '');
  return s || 'my-app';
}

/** Label and annotation keys: optional DNS subdomain prefix + '/' + name of at most 63 characters. */
export function checkQualifiedName(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return "may contain at most one '/'";
  const name = parts[parts.length - 1]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') return 'prefix part must be non-empty';
    if (checkName(prefix, 'dns1123-subdomain')) return 'prefix part must be a lower-case DNS subdomain such as example.com';
  }
  if (name === '') return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME.test(name)) return "name part must consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit";
  return undefined;
}

export function checkLabelValue(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!LABEL_VALUE.test(value)) return "must be empty or consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit";
  return undefined;
}

/** Port names (IANA_SVC_NAME): at most 15 characters, lower case, at least one letter, no '--'. */
export function checkPortName(value: string): string | undefined {
  if (value.length > 15) return 'must be no more than 15 characters';
  if (!IANA_SVC_NAME.test(value)) return "must contain only lower case letters, digits and '-', and start and end with a letter or digit";
  if (value.includes('--')) return "must not contain consecutive hyphens";
  if (!/[a-z]/.test(value)) return 'must contain at least one letter';
  return undefined;
}

// Resource quantity grammar of k8s.io/apimachinery/pkg/api/resource (quantity.go):
//   <signedNumber><suffix>, suffix = Ki|Mi|Gi|Ti|Pi|Ei (binary) | n|u|m|""|k|M|G|T|P|E (decimal) | e<int>
const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** Undefined when `text` is a valid quantity; otherwise a hint on how to write it. */
export function quantityHint(text: string): string | undefined {
  if (QUANTITY.test(text)) return undefined;
  const m = /^([+-]?[\d.]+)\s*([A-Za-z]+)$/.exec(text.trim());
  if (m) {
    const [, n, unit] = m;
    const upper = unit!.toUpperCase();
    if (/^[KMGTPE]I?B$/.test(upper)) return `Kubernetes units have no "B": write "${n}${upper[0]}i" (powers of 1024) or "${n}${upper[0] === 'K' ? 'k' : upper[0]}" (powers of 1000).`;
    if (/^[KMGTPE]I$/.test(upper)) return `Write the unit as "${upper[0]}i", e.g. "${n}${upper[0]}i".`;
    if (unit === 'K') return `Kilo is a lower-case "k": "${n}k" (or "${n}Ki" for 1024).`;
    if (/^(cores?|cpus?)$/i.test(unit!)) return `CPU is a plain number of cores ("${n}") or millicores ("${Number(n) * 1000}m").`;
  }
  if (text.trim() !== text) return 'Remove the spaces around the quantity.';
  return 'Write a number with an optional unit: "500m" or "2" for CPU, "128Mi" or "1Gi" for memory and storage.';
}

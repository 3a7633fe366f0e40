import json, sys, re
src, dst, keep = sys.argv[1], sys.argv[2], sys.argv[3].split(',')
d = json.load(open(src))
paths = {k: v for k, v in d['paths'].items() if any(re.search(r'[=.]' + op + r'($|&)', k) for op in keep)}
d['paths'] = paths
comps = d.get('components', {})
needed = set()
def walk(n):
    if isinstance(n, dict):
        for k, v in n.items():
            if k == '$ref' and isinstance(v, str) and v.startswith('#/components/'):
                _, _, kind, name = v.split('/', 3)
                if (kind, name) not in needed:
                    needed.add((kind, name))
                    walk(comps[kind][name])
            else:
                walk(v)
    elif isinstance(n, list):
        for x in n: walk(x)
walk(paths)
newc = {}
for kind, name in sorted(needed):
    newc.setdefault(kind, {})[name] = comps[kind][name]
if 'securitySchemes' in comps: newc['securitySchemes'] = comps['securitySchemes']
d['components'] = newc
json.dump(d, open(dst, 'w'), indent=1)
print(dst, len(paths), sorted(paths))

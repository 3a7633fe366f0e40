import json, sys, re
src, dst, keep = sys.argv[1], sys.argv[2], sys.argv[3].split(',')
d = json.load(open(src))
METHODS = ('get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace')
def named(op):
    return op.get('operationId') in keep or op.get('x-aws-operation-name') in keep
paths = {}
for k, v in d['paths'].items():
    if any(re.search(r'[=.]' + op + r'($|&)', k) for op in keep):
        paths[k] = v  # query and JSON protocols: the operation is in the path
    elif any(named(v[m]) for m in METHODS if m in v):
        # REST: keep the named operations of the path, and what the path item shares
        paths[k] = {m: o for m, o in v.items() if m not in METHODS or named(o)}
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
# the <Operation>Request schema when it has an xml object: the payload's namespace (S3's)
for v in paths.values():
    for m, o in v.items():
        name = o.get('operationId', '') + 'Request' if m in METHODS else None
        if name and 'xml' in comps.get('schemas', {}).get(name, {}):
            needed.add(('schemas', name))
walk(paths)
newc = {}
for kind, name in sorted(needed):
    newc.setdefault(kind, {})[name] = comps[kind][name]
if 'securitySchemes' in comps: newc['securitySchemes'] = comps['securitySchemes']
d['components'] = newc
json.dump(d, open(dst, 'w'), indent=1)
print(dst, len(paths), sorted(paths))

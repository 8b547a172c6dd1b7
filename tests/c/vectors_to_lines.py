#!/usr/bin/env python3
"""Flattens the shared vector JSON files into a line format the C test reads without a JSON
parser. Mechanical only: every value is hex-encoded, nothing is computed.

  python3 vectors_to_lines.py VECTOR_DIR > cases.txt
"""
import base64, glob, json, os, sys

def hx(s):
    return (s if isinstance(s, bytes) else str(s).encode('utf-8')).hex() or '-'

def main(d):
    for f in sorted(glob.glob(os.path.join(d, '*.json'))):
        for c in json.load(open(f, encoding='utf-8'))['cases']:
            out = ['case ' + hx(c['id']), 'profile ' + hx(c['profile']), 'op ' + c['op'], 'expect ' + c['expect']]
            opts = c.get('options', '')
            key = c.get('key') or {}
            if 'file' in key:
                out.append('key_file ' + hx(os.path.join(d, key['file'])))
                if key.get('password') is not None:
                    out.append('key_password ' + hx(key['password']))
                if 'secret' in key:
                    opts = (opts + '&' if opts else '') + 'query_key=' + key['secret']
            elif 'secret' in key:
                out.append('key_secret ' + hx(key['secret']))
            out.append('options ' + hx(opts))
            if c['op'] == 'authenticator':
                for k, v in c['inputs'].items():
                    if k == 'shared_secret':
                        out.append('key_secret ' + hx(v))
                    else:
                        out.append('param %s %s' % (hx(k), hx(v)))
                out.append('expect_signature ' + hx(c['expect_hex'].lower()))
            else:
                for k, v in c.get('params', []):
                    out.append('param %s %s' % (hx(k), hx(v)))
                if 'expect_signature' in c:
                    out.append('expect_signature ' + hx(c['expect_signature']))
            if c['op'] == 'verify_body':
                body = base64.b64decode(c['body_b64']) if 'body_b64' in c else c['body'].encode('utf-8')
                out.append('body ' + hx(body))
                out.append('format ' + c.get('format', 'form'))
                if c.get('charset'):
                    out.append('charset ' + c['charset'])
            if 'expect_sign_string' in c:
                out.append('expect_sign_string ' + hx(c['expect_sign_string']))
            out.append('end')
            print('\n'.join(out))

if __name__ == '__main__':
    main(sys.argv[1])

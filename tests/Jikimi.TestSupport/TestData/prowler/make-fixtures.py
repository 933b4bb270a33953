#!/usr/bin/env python3
"""Writes the two Prowler-format fixtures from our own 2023 catalog (ids, titles, check-item counts are facts;
every sentence here is a short placeholder in our own words). Run from the repository root:
    python3 tests/Jikimi.TestSupport/TestData/prowler/make-fixtures.py
"""
import glob, json, os

here = os.path.dirname(os.path.abspath(__file__))
controls = []
for f in sorted(glob.glob('catalogs/isms-p-2023/controls/*.json')):
    controls += json.load(open(f, encoding='utf-8'))['controls']
controls.sort(key=lambda c: [int(p) for p in c['id'].split('.')])

# A few real Prowler check ids (facts); 2.10.2 repeats one of 2.5.4's so the distinct count is tested.
checks = {
    '2.5.4': ['iam_password_policy_minimum_length_14', 'iam_password_policy_uppercase', 'cognito_user_pool_password_policy_minimum_length_14'],
    '2.7.1': ['s3_bucket_default_encryption', 'acm_certificates_expiration_check'],
    '2.9.4': ['cloudtrail_multi_region_enabled', 'apigateway_restapi_logging_enabled'],
    '2.10.2': ['iam_password_policy_minimum_length_14', 'securityhub_enabled'],
}
laws = {'3.5.3': ('개인정보 보호법 제20조의2', 'Personal Information Protection Act, Article 20-2')}


def requirement(c, ko):
    cid = c['id']
    title = c['titleKo'] if ko else c['titleEn']
    n = len(c['checkItems'])
    return {
        # Prowler's Korean file spells one id with a trailing space; the importer must normalise it.
        'Id': cid + ' ' if ko and cid == '2.4.5' else cid,
        'Name': title,
        'Description': f'시험용 기준 설명: {title}' if ko else f'Test criterion text for {title}',
        'Checks': checks.get(cid, []),
        'Attributes': [{
            'Domain': cid.split('.')[0],
            'Subdomain': '.'.join(cid.split('.')[:2]),
            'Section': f'{cid} {title}',
            'AuditChecklist': [(f'시험용 점검 항목 {cid}-{i}' if ko else f'Test check item {cid}-{i}') for i in range(1, n + 1)],
            'RelatedRegulations': [laws[cid][0 if ko else 1]] if cid in laws else [],
            'AuditEvidence': ['시험용 증적 문서' if ko else 'Test evidence document'],
            'NonComplianceCases': [('사례 1 : 시험용 결함 사례' if ko else 'Case 1: a test finding')],
        }],
    }


for ko, name in ((True, 'prowler_kisa_isms_p_2023_korean_aws.json'), (False, 'prowler_kisa_isms_p_2023_aws.json')):
    doc = {
        'Framework': 'KISA-ISMS-P',
        'Name': 'KISA ISMS compliance framework 2023 (Korean) — Jikimi test fixture' if ko else 'KISA ISMS compliance framework 2023 — Jikimi test fixture',
        'Version': '2023-korean' if ko else '2023',
        'Provider': 'AWS',
        'Description': '지키미 시험용 축약 파일' if ko else 'A shortened file for Jikimi tests',
        'Requirements': [requirement(c, ko) for c in controls],
    }
    with open(os.path.join(here, name), 'w', encoding='utf-8') as out:
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write('\n')

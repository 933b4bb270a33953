using Jikimi.Domain.Common;

namespace Jikimi.Web.Infrastructure;

/// <summary>
/// Korean and English text for every error code, used by the API's problem details and by the pages. The English
/// shown to people is the error's own message (it names the field or the limit); the English here is the code's
/// short meaning, kept beside the Korean so a code cannot ship in one language only (ErrorTextTests enumerates every
/// <see cref="DomainError"/> type). Codes with a variable part (<c>validation.{field}</c>, <c>{entity}.not_found</c>,
/// <c>import.sheet.*</c>) have one text per family.
/// </summary>
public static class ErrorTexts
{
    private static readonly Dictionary<string, (string Ko, string En)> Exact = new(StringComparer.Ordinal)
    {
        // sign-in, accounts, setup
        ["auth.required"] = ("로그인하거나 API 토큰을 'Authorization: Bearer …'로 보내세요.", "Sign in or send an API token."),
        ["auth.failed"] = ("이메일 또는 비밀번호가 올바르지 않습니다.", "E-mail or password is wrong."),
        ["auth.locked"] = ("로그인 실패가 반복되어 계정이 잠시 잠겼습니다. 잠시 후 다시 시도하세요.", "The account is locked for a while."),
        ["auth.mfa_required"] = ("인증 앱의 코드(또는 복구 코드)를 입력하세요.", "Enter the authenticator or recovery code."),
        ["auth.mfa_failed"] = ("인증 코드 또는 복구 코드가 올바르지 않습니다.", "The authenticator or recovery code is wrong."),
        ["auth.mfa_required_by_organization"] = ("이 조직은 다중 인증(MFA)을 요구합니다. 인증 앱을 설정한 뒤 다시 로그인하세요.", "This organization requires multi-factor authentication."),
        ["auth.sso_unknown_user"] = ("이 이메일의 Jikimi 계정이 없습니다. 관리자에게 초대를 요청하세요.", "No account has this e-mail; ask for an invitation."),
        ["auth.sso_email_unverified"] = ("ID 제공자가 이메일을 확인하지 않았습니다.", "The identity provider did not confirm the e-mail."),
        ["mfa.code_invalid"] = ("코드가 맞지 않습니다. 인증 앱의 키와 기기 시각을 확인한 뒤 현재 코드를 입력하세요.", "The code does not match."),
        ["password.rejected"] = ("비밀번호 규칙에 맞지 않습니다: 두 종류 이상의 문자로 8자 이상 또는 한 종류로 10자 이상이어야 하며, 추측하기 쉬운 비밀번호는 사용할 수 없습니다.", "The password does not meet the rules."),
        ["password.reused"] = ("최근에 사용한 비밀번호는 다시 사용할 수 없습니다.", "Choose a password you have not used recently."),
        ["password.current_wrong"] = ("현재 비밀번호가 올바르지 않습니다.", "The current password is wrong."),
        ["setup.done"] = ("초기 설정이 이미 끝났습니다. 로그인하세요.", "Setup is complete; sign in."),
        ["setup.token_invalid"] = ("설정 토큰이 올바르지 않거나 이미 사용되었습니다. 서버를 다시 시작하면 새 토큰이 출력됩니다.", "The setup token is wrong or used."),
        ["user.email_taken"] = ("이미 등록된 이메일입니다.", "A user with this e-mail exists."),
        ["invitation.invalid"] = ("초대가 없거나 만료되었거나 이미 사용되었습니다.", "The invitation is unknown, expired or used."),
        ["token.revoked"] = ("이미 폐기된 토큰입니다.", "The token is already revoked."),
        ["token.auditor_personal"] = ("심사원 역할의 API 토큰은 심사원 본인이 만듭니다. 그 토큰은 본인에게 배정된 심사에만 닿습니다.", "An auditor-role token is created by the auditor themselves."),
        ["token.role_above_holder"] = ("자신의 역할로만 API 토큰을 만들 수 있습니다.", "You may create tokens with your own role only."),

        // access and concurrency
        ["access.system_administrator"] = ("인스턴스 관리자만 할 수 있습니다.", "Only an instance administrator may do this."),
        ["cloud.provider_unknown"] = ("알 수 없는 클라우드 사업자입니다. 제공되는 사업자 목록에서 고르거나 관리자에게 추가를 요청하세요.", "The cloud provider is not known to this instance."),
        ["cloud.provider_exists"] = ("같은 키의 클라우드 사업자가 이미 있습니다.", "A cloud provider with this key exists."),
        ["cloud.validity_reversed"] = ("인증서 만료일이 발급일보다 앞섭니다.", "The certificate expires before it is issued."),
        ["cloud.validity_overlap"] = ("같은 사업자·종류의 인증서 유효기간이 기존 인증서와 겹칩니다.", "The validity overlaps another certificate of the same provider and kind."),
        ["access.forbidden"] = ("이 작업을 할 권한이 없습니다.", "You may not do this."),
        ["member.last_administrator"] = ("조직에는 관리자가 한 명 이상 있어야 합니다.", "An organization keeps at least one administrator."),
        ["member.exists"] = ("이미 이 조직의 구성원입니다.", "Already a member."),
        ["concurrency.conflict"] = ("다른 사용자가 먼저 수정했습니다. 새로 고친 뒤 다시 저장하세요.", "Changed by someone else; reload and try again."),
        ["conflict.duplicate"] = ("같은 항목을 다른 요청이 방금 먼저 만들었습니다. 새로 고쳐 확인하세요.", "Another request created the same thing."),

        // assessments, evidence, statement, Prowler
        ["assessment.edition_not_assessable"] = ("이 인증기준 판은 점검항목 문구가 없어 평가할 수 없습니다(2023 기준 또는 간편 인증 7-2·7-3으로 평가하세요).", "This edition has no check-item texts yet."),
        ["assessment.exists"] = ("같은 기준·연도의 평가가 이미 있습니다.", "An assessment of this edition and year exists."),
        ["result.reason_required"] = ("'해당 없음' 결과에는 사유가 필요합니다.", "A not-applicable result needs a reason."),
        ["evidence.already_linked"] = ("이 증적은 이미 그곳에 연결되어 있습니다.", "The evidence is already linked there."),
        ["evidence.deleted"] = ("삭제된 증적입니다.", "The evidence has been deleted."),
        ["evidence.empty"] = ("업로드에 파일이 없습니다.", "The upload contained no file."),
        ["statement.invalid"] = ("운영명세서를 가져오지 않았습니다. 표시된 셀의 문제를 고친 뒤 다시 올리세요. 아무것도 바뀌지 않았습니다.", "The operation statement was not imported."),
        ["statement.other_assessment"] = ("이 파일은 다른 평가의 운영명세서입니다. 아무것도 바뀌지 않았습니다.", "The file belongs to another assessment."),
        ["prowler.invalid"] = ("Prowler 결과 파일을 읽을 수 없어 가져오지 않았습니다.", "The Prowler results were not imported."),
        ["prowler.no_assessment"] = ("결과를 붙일 평가가 없습니다. 먼저 평가를 만드세요.", "Create an assessment first."),
        ["prowler.nothing_mapped"] = ("Prowler 결과를 가져오지 않았습니다: ISMS-P 통제에 매핑되는 점검 결과가 하나도 없습니다 (Azure·GCP·Kubernetes 결과나 ISMS-P 매핑 이전 버전의 파일). 아무것도 저장하지 않았습니다.", "No finding in the file maps to an ISMS-P control; nothing was stored."),
        ["prowler.no_control_in_assessment"] = ("Prowler 결과를 가져오지 않았습니다: 매핑된 ISMS-P 통제가 이 평가에 하나도 없습니다. 아무것도 저장하지 않았습니다.", "None of the mapped ISMS-P controls is in this assessment; nothing was stored."),
        // automated evidence (ADR 0040, 0041)
        ["automation.invalid"] = ("자동 점검 결과를 기록하지 않았습니다: 표시된 위치의 항목이 올바르지 않습니다. 아무것도 저장하지 않았습니다.", "The automated results were not recorded: an entry is wrong at the place named; nothing was stored."),
        ["automation.unreadable"] = ("파일을 점검 결과로 읽을 수 없습니다(JSON이 아니거나 잘렸거나 다른 종류의 파일). 파일과 위치를 확인하세요. 아무것도 저장하지 않았습니다.", "The file could not be read as check results (not JSON, cut short or another kind of file); nothing was stored."),
        ["past_certificate.invalid"] = ("이전 인증서를 기록하지 않았습니다: 제도(k-isms, k-pims, isms, isms-p), 번호, 발급일보다 늦은 만료일, 인증 범위를 확인하세요.", "The past certificate was not recorded: check the scheme (k-isms, k-pims, isms, isms-p), the number, an expiry after the issue date and the scope."),
        ["past_certificate.exists"] = ("같은 제도와 번호의 이전 인증서가 이미 기록되어 있습니다.", "A past certificate with this scheme and number is already recorded."),
        ["azure_policy.nothing_mapped"] = ("Azure Policy 준수 상태를 가져오지 않았습니다: K ISMS P 2023 이니셔티브의 그룹으로 ISMS-P 2023 통제에 매핑되는 상태가 하나도 없습니다. 아무것도 저장하지 않았습니다.", "No compliance state maps to an ISMS-P 2023 control through the K ISMS P 2023 initiative's groups; nothing was stored."),
        ["legacy.sheet_invalid"] = ("이전 심사 결과 시트를 가져오지 않았습니다: 표시된 행이나 열이 올바르지 않습니다(열: id, result, note). 아무것도 저장하지 않았습니다.", "The legacy results sheet was not imported: a row or column is wrong at the place named (columns: id, result, note); nothing was stored."),
        ["legacy.target_not_2023"] = ("K-ISMS 결과는 ISMS-P 2023 심사에만 대응시킬 수 있습니다.", "Legacy K-ISMS results map onto an ISMS-P 2023 assessment only."),
        ["automation.too_many_results"] = ("한 번의 실행에 결과가 너무 많습니다. 계정이나 리전별로 나누어 올리세요. 아무것도 저장하지 않았습니다.", "The run holds too many results; split it by account or region. Nothing was stored."),
        ["automation.no_control_in_assessment"] = ("어떤 결과도 이 평가의 통제를 증적하지 않습니다. 아무것도 저장하지 않았습니다.", "None of the results evidences a control of this assessment; nothing was stored."),
        ["automation.runs_not_comparable"] = ("출처가 다른 두 실행은 비교할 수 없습니다. 같은 출처의 실행을 고르세요.", "Runs of different sources cannot be compared."),
        ["automation.no_earlier_run"] = ("이 실행은 같은 대상의 첫 실행이라 비교할 이전 실행이 없습니다.", "The run is the first of its series; there is nothing earlier to compare it with."),
        ["automation.suggestion_not_pending"] = ("이 제안은 이미 수락·기각되었거나 이후 실행으로 대체되었습니다. 아무것도 바꾸지 않았습니다.", "The suggestion was already decided or superseded by a later run; nothing was changed."),
        ["obligation.no_rules"] = ("그 날짜에 적용되는 의무대상 규칙이 없습니다.", "No obligation rules are known for that date."),

        // certification audits, findings, certificates
        ["audit.auditor_not_member"] = ("심사원 역할을 가진 이 조직의 구성원만 심사에 배정할 수 있습니다.", "Only a member with the auditor role can be assigned."),
        ["audit.certificate_required"] = ("사후·갱신 심사는 인증서에 속합니다. certificateId를 지정하세요.", "This audit kind needs a certificateId."),
        ["audit.decided"] = ("인증위원회가 이미 결정한 심사는 바꿀 수 없습니다.", "The committee has decided on this audit."),
        ["audit.findings_open"] = ("종결되지 않은 결함이 있습니다. 모든 결함이 확인·종결되어야 승인할 수 있습니다.", "Findings are still open."),
        ["audit.operating_period_too_short"] = ("관리체계를 최소 운영 기간 이상 운영한 뒤에 신청할 수 있습니다.", "The management system has not operated long enough."),
        ["audit.operating_since_required"] = ("최초심사에는 관리체계 운영 시작일(operatingSince)이 필요합니다.", "An initial audit needs operatingSince."),
        ["audit.started"] = ("심사가 이미 시작되었거나 위원회의 최종 결정을 기다리고 있습니다.", "The audit has started already."),
        ["certificate.wrong_state"] = ("지금 상태의 인증서에는 이 작업을 할 수 없습니다.", "The certificate's state does not allow this."),
        ["finding.closed"] = ("종결된 결함입니다.", "The finding is closed."),
        ["finding.further_correction_used"] = ("인증위원회의 추가 보완조치 요구는 결함마다 한 번입니다.", "The committee can ask for further correction of a finding once."),
        ["finding.further_correction_lapsed"] = ("추가 보완조치 기한이 지났습니다. 이제 인증위원회가 심사를 판정합니다.", "The further-correction period is over; the committee decides on the audit now."),
        ["audit.not_decided"] = ("이의신청은 인증위원회의 최종 결정(승인·거부)에만 할 수 있습니다.", "An appeal can be recorded only against the committee's final decision."),
        ["audit.appeal_recorded"] = ("이 결정에 대한 이의신청은 이미 기록했습니다.", "An appeal against this decision is already recorded."),
        ["audit.appeal_window_closed"] = ("이의신청 기간이 지났습니다.", "The appeal period is over."),
        ["finding.recorrection_exhausted"] = ("재조치 기간을 이미 사용했습니다. 결함을 판정하거나 위원회에 올리세요.", "The re-correction period is used up."),
        ["finding.wrong_state"] = ("지금 상태의 결함에는 이 작업을 할 수 없습니다.", "The finding's state does not allow this."),

        // assets and risk
        ["asset.exists"] = ("같은 자산 ID가 이미 있습니다.", "An asset with this id exists."),
        ["asset.in_use"] = ("위험평가에 위험이 있는 자산은 기록으로 남습니다.", "The asset has risks and stays for the record."),
        ["owner.unknown"] = ("책임자(또는 관리자)가 이 조직의 구성원이 아닙니다.", "The owner is not a member of this organization."),
        ["import.rejected"] = ("파일에 문제가 있어 아무것도 가져오지 않았습니다. 행별 오류를 확인하세요.", "Nothing was imported: see the row problems."),
        ["threat.exists"] = ("같은 위협 ID가 이미 있습니다.", "A threat with this id exists."),
        ["risk_assessment.exists"] = ("그 연도의 위험평가가 이미 있습니다.", "A risk assessment for that year exists."),
        ["risk.accepted_stays"] = ("수용된 위험은 기록으로 남습니다. 잘못되었다면 먼저 처리 방법을 바꾸세요.", "An accepted risk stays on record."),
        ["risk.already_accepted"] = ("이미 수용된 위험입니다. 다시 열려면 처리 방법을 바꾸세요.", "The risk was already accepted."),
        ["risk.asset_ratings_outside_method"] = ("자산의 기밀성·무결성·가용성 등급이 이 평가의 척도를 벗어납니다. 먼저 자산을 고치세요.", "The asset's ratings are outside this method's scale."),
        ["risk.check_item_fulfilled"] = ("미충족 또는 부분 충족으로 기록되지 않은 점검항목은 취약점이 아닙니다.", "The check item is not recorded as a gap."),
        ["risk.doa_not_set"] = ("승인하기 전에 수용 가능한 위험 수준(DoA)을 정하세요.", "Set the acceptable level first."),
        ["risk.doa_out_of_range"] = ("수용 가능한 위험 수준이 척도의 범위를 벗어납니다.", "The acceptable level is out of range."),
        ["risk.nothing_to_accept"] = ("수용으로 처리하거나 잔여 위험이 있는 위험만 수용할 수 있습니다.", "Nothing to accept."),
        ["risk.residual_above_risk"] = ("잔여 위험은 원래 위험보다 클 수 없습니다.", "The residual risk cannot exceed the risk."),

        // policies and data subjects' requests (issue 20)
        ["policy.code_taken"] = ("같은 문서 번호가 이미 있습니다.", "Another document uses this code."),
        ["policy.draft_pending"] = ("승인을 기다리는 초안이 이미 있습니다. 먼저 승인하세요.", "A draft is already waiting for approval."),
        ["policy.nothing_to_approve"] = ("승인할 초안이 없습니다. 새 버전을 먼저 만드세요.", "There is no draft to approve."),
        ["policy.not_approved"] = ("아직 승인된 버전이 없습니다.", "No version has been approved yet."),
        ["policy.already_acknowledged"] = ("이 버전은 이미 확인했습니다.", "You have acknowledged this version already."),
        ["subject_request.no_rule"] = ("그 접수일에 적용할 처리 기한 규정이 없습니다.", "No answer period is known for that day."),
        ["meeting.action_done"] = ("이미 완료한 조치 사항입니다.", "The action item is done already."),
        ["subject_request.answered"] = ("이미 처리 결과를 기록한 요구입니다.", "The request has been answered already."),
        ["subject_request.reason_required"] = ("거절하거나 일부만 조치할 때는 그 사유(정보주체에게 알린 내용)를 적으세요.", "A refusal or partial answer needs its reason."),

        // access records (issue 17)
        ["processing_system.name_taken"] = ("같은 이름의 개인정보처리시스템이 이미 등록되어 있습니다.", "A processing system with this name is already registered."),
        ["access_records.no_rule"] = ("그 날짜에 적용할 접속기록 보관 기간 규정이 없습니다.", "No access-record retention rule is known for that day."),
        ["access_records.no_format"] = ("먼저 이 시스템의 접속기록 형식과 항목 매핑을 설정하세요.", "Set the system's log format before sending records."),
        ["access_records.segment_purged"] = ("이미 파기한 접속기록 묶음입니다.", "The segment is purged already."),

        // the HTTP edge
        ["request.too_large"] = ("요청 또는 파일이 허용된 크기보다 큽니다. 아무것도 바뀌지 않았습니다.", "The request or file is too large."),
        ["request.invalid"] = ("요청을 읽을 수 없습니다(형식이 잘못된 JSON 등).", "The request could not be read."),
        ["request.multipart_required"] = ("파일을 multipart/form-data의 'file' 파트로 보내세요.", "Send the file as multipart/form-data."),
        ["request.one_file"] = ("한 번에 파일 하나만 올리세요.", "Send one file per upload."),
        ["request.field_too_long"] = ("양식 필드가 너무 깁니다.", "A form field is too long."),
        ["request.upload_incomplete"] = ("업로드가 끝나지 않았거나 형식이 잘못되었습니다. 아무것도 저장되지 않았습니다.", "The upload was incomplete; nothing was stored."),
        ["request.file_missing"] = ("파일을 요청 본문이나 multipart 'file' 파트로 보내세요.", "Send the file in the body or a 'file' part."),
        ["request.method_not_allowed"] = ("이 주소는 그 HTTP 메서드를 받지 않습니다.", "This endpoint does not accept that method."),
        ["request.unsupported_media_type"] = ("지원하지 않는 콘텐츠 유형입니다(JSON은 application/json, 업로드는 multipart/form-data).", "Unsupported content type."),
        ["request.rate_limited"] = ("시도가 너무 많습니다. 1분 뒤에 다시 하세요.", "Too many attempts; wait a minute."),
        ["request.failed"] = ("요청이 처리되지 않았습니다.", "The request failed."),
        // outside files (Jikimi.Input; the message names the file and line/row/column)
        ["input.too_large"] = ("파일이 허용된 크기보다 큽니다. 아무것도 바뀌지 않았습니다.", "The file is larger than the limit."),
        ["input.too_many_rows"] = ("파일의 행이 허용된 수보다 많습니다.", "The file has more rows than allowed."),
        ["input.field_too_long"] = ("한 칸(필드)의 내용이 허용된 길이보다 깁니다.", "A field is longer than allowed."),
        ["input.line_too_long"] = ("한 줄이 허용된 길이보다 깁니다.", "A line is longer than allowed."),
        ["input.encoding"] = ("파일이 UTF-8이 아닙니다. \"CSV UTF-8(쉼표로 분리)\" 또는 UTF-8 텍스트로 저장한 뒤 다시 시도하세요.", "The file is not UTF-8."),
        ["input.malformed"] = ("파일 형식이 올바르지 않습니다.", "The file is not in the expected format."),
        ["input.empty"] = ("파일이 비어 있습니다.", "The file is empty."),
        // Problems of an imported workbook, listed per cell inside statement.invalid / import.sheet.* (SheetProblem codes).
        ["sheet.bad_cell"] = ("셀 내용을 읽을 수 없습니다.", "A cell could not be read."),
        ["sheet.cell_too_long"] = ("셀 내용이 허용된 길이보다 깁니다.", "A cell holds more characters than allowed."),
        ["sheet.empty"] = ("파일이 비어 있습니다.", "The file is empty."),
        ["sheet.formula"] = ("수식은 받지 않습니다. 값을 직접 입력하세요.", "Formulas are not accepted; type the value itself."),
        ["sheet.no_header"] = ("첫 행에 열 이름이 있어야 합니다.", "The first row must name the columns."),
        ["sheet.not_xlsx"] = ("읽을 수 있는 XLSX 통합 문서가 아닙니다(손상, 잘림 또는 다른 형식).", "The file is not a readable XLSX workbook (corrupted, truncated or another format)."),
        ["sheet.part_too_large"] = ("통합 문서의 한 부분이 압축을 풀면 허용된 크기를 넘습니다.", "A part of the workbook expands beyond the limit."),
        ["sheet.too_large"] = ("파일이 허용된 크기보다 큽니다.", "The file is larger than the limit."),
        ["sheet.too_many_columns"] = ("시트의 열이 허용된 수보다 많습니다.", "The sheet has more columns than allowed."),
        ["sheet.too_many_parts"] = ("통합 문서의 구성 요소가 너무 많습니다.", "The workbook has too many parts."),
        ["sheet.too_many_rows"] = ("시트의 행이 허용된 수보다 많습니다.", "The sheet has more rows than allowed."),
        ["sheet.wrong_sheet"] = ("필요한 이름의 시트가 없습니다.", "The workbook has no sheet of the expected name."),
        ["statement.column_extra"] = ("알 수 없는 열이 있습니다. 그 열을 지우세요.", "The sheet has an unexpected column; remove it."),
        ["statement.column_missing"] = ("필요한 열이 없습니다.", "A required column is missing."),
        ["statement.control_duplicate"] = ("같은 통제 항목이 두 번 나옵니다.", "A control appears twice."),
        ["statement.control_missing"] = ("통제 항목 번호가 비어 있습니다.", "A row has no control id."),
        ["statement.control_unknown"] = ("이 평가에 없는 통제 항목입니다.", "The control is not part of this assessment."),
        ["statement.formula"] = ("수식은 받지 않습니다. 내용을 직접 입력하세요.", "Formulas are not accepted; type the text itself."),
        ["statement.no_assessment"] = ("파일이 이 조직의 평가를 가리키지 않습니다. 평가를 골라 가져오세요.", "The file names no assessment of this organization; import it into a chosen assessment."),
        ["statement.no_rows"] = ("운영명세서에 행이 없습니다.", "The statement has no rows."),
        ["statement.operated_invalid"] = ("운영여부는 Y 또는 N이어야 합니다.", "Operated must be Y or N."),
        ["statement.reason_required"] = ("운영하지 않는(N) 항목에는 사유가 필요합니다.", "A control marked N needs a reason."),
        ["route.not_found"] = ("그런 API 주소가 없습니다.", "No such endpoint."),
        ["server.error"] = ("서버에서 오류가 났습니다. 기록되었습니다.", "Something went wrong on the server."),
    };

    private static readonly (string Prefix, string Ko, string En)[] Families =
    [
        ("validation.", "입력값이 올바르지 않습니다", "A value is not valid"),
        ("import.sheet.", "시트를 읽을 수 없습니다", "The sheet could not be read"),
    ];

    private const string NotFoundKo = "찾을 수 없습니다";
    private const string NotFoundEn = "Not found";

    /// <summary>The code's Korean and English text, or null when the catalog lacks it (a test keeps that from shipping).</summary>
    public static (string Ko, string En)? Find(string code)
    {
        if (Exact.TryGetValue(code, out var t))
        {
            return t;
        }

        foreach (var (prefix, ko, en) in Families)
        {
            if (code.StartsWith(prefix, StringComparison.Ordinal) && code.Length > prefix.Length)
            {
                return ($"{ko} ({code[prefix.Length..]}).", $"{en} ({code[prefix.Length..]}).");
            }
        }

        return code.EndsWith(".not_found", StringComparison.Ordinal) && code.Length > ".not_found".Length
            ? ($"{NotFoundKo} ({code[..^".not_found".Length]}).", $"{NotFoundEn} ({code[..^".not_found".Length]}).")
            : null;
    }

    /// <summary>What a person reads: the catalog's Korean, or the error's own English message (it carries the specifics).</summary>
    public static string Detail(DomainError error, bool korean) =>
        korean && Find(error.Code) is { } t ? t.Ko + PlaceSuffix(error) : error.Message;

    /// <summary>For an outside-file error, where it is (file, line, row, column), which the Korean text alone lacks.</summary>
    private static string PlaceSuffix(DomainError error) =>
        InputErrors.PlaceOf(error)?.ToString() is { Length: > 0 } place ? $" ({place})" : string.Empty;
}

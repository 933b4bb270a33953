using Jikimi.Domain.Common;

namespace Jikimi.Web.Ui;

/// <summary>
/// Use-case failures in the user's language. Codes are stable (the API sends the same ones); the English text is the
/// error's own message, the Korean one is kept here for the codes people meet in the UI.
/// </summary>
public static class UiErrors
{
    private static readonly Dictionary<string, string> Korean = new(StringComparer.Ordinal)
    {
        ["auth.failed"] = "이메일 또는 비밀번호가 올바르지 않습니다.",
        ["auth.locked"] = "로그인 실패가 반복되어 계정이 잠시 잠겼습니다. 잠시 후 다시 시도하세요.",
        ["auth.mfa_required"] = "인증 앱의 코드(또는 복구 코드)를 입력하세요.",
        ["auth.mfa_failed"] = "인증 코드 또는 복구 코드가 올바르지 않습니다.",
        ["auth.mfa_required_by_organization"] = "이 조직은 다중 인증(MFA)을 요구합니다. 인증 앱을 설정한 뒤 다시 로그인하세요.",
        ["password.rejected"] = "비밀번호 규칙에 맞지 않습니다: 두 종류 이상의 문자로 8자 이상 또는 한 종류로 10자 이상이어야 하며, 추측하기 쉬운 비밀번호는 사용할 수 없습니다.",
        ["password.reused"] = "최근에 사용한 비밀번호는 다시 사용할 수 없습니다.",
        ["password.current_wrong"] = "현재 비밀번호가 올바르지 않습니다.",
        ["setup.done"] = "초기 설정이 이미 끝났습니다. 로그인하세요.",
        ["setup.token_invalid"] = "설정 토큰이 올바르지 않거나 이미 사용되었습니다. 서버를 다시 시작하면 새 토큰이 출력됩니다.",
        ["user.email_taken"] = "이미 등록된 이메일입니다.",
        ["invitation.invalid"] = "초대가 없거나 만료되었거나 이미 사용되었습니다.",
        ["access.system_administrator"] = "인스턴스 관리자만 할 수 있습니다.",
        ["access.forbidden"] = "이 작업을 할 권한이 없습니다.",
        ["member.last_administrator"] = "조직에는 관리자가 한 명 이상 있어야 합니다.",
        ["member.exists"] = "이미 이 조직의 구성원입니다.",
        ["concurrency.conflict"] = "다른 사용자가 먼저 수정했습니다. 새로 고친 뒤 다시 저장하세요.",
        ["conflict.duplicate"] = "같은 항목을 다른 요청이 방금 먼저 만들었습니다. 새로 고쳐 확인하세요.",
        ["prowler.nothing_mapped"] = "Prowler 결과를 가져오지 않았습니다: ISMS-P 통제에 매핑되는 점검 결과가 하나도 없습니다 (Azure·GCP·Kubernetes 결과나 ISMS-P 매핑 이전 버전의 파일). 아무것도 저장하지 않았습니다.",
        ["prowler.no_control_in_assessment"] = "Prowler 결과를 가져오지 않았습니다: 매핑된 ISMS-P 통제가 이 평가에 하나도 없습니다. 아무것도 저장하지 않았습니다.",
    };

    public static string Message(DomainError error)
    {
        if (!Lang.IsEnglish)
        {
            if (Korean.TryGetValue(error.Code, out var ko))
            {
                return ko;
            }

            if (error.Code.StartsWith("access.", StringComparison.Ordinal) || error is ForbiddenError)
            {
                return "이 작업을 할 권한이 없습니다. (" + error.Code + ")";
            }

            if (error is NotFoundError)
            {
                return "찾을 수 없습니다. (" + error.Code + ")";
            }

            if (error is ConflictError)
            {
                return "충돌: 다른 변경과 겹쳤거나 규칙에 맞지 않습니다 — " + error.Message;
            }

            return "입력을 확인하세요: " + error.Message;
        }

        return error.Message;
    }
}

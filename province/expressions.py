"""Validation rules are short expressions over a submission's numbers, e.g.
`disbursed <= budget` or `done + in_progress + not_started + cancelled == budgeted_projects`.
They are evaluated with a whitelist of syntax — never with eval()."""

import ast
import operator

BIN = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
CMP = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}


class RuleError(ValueError):
    pass


def names_in(expression: str) -> set[str]:
    return {n.id for n in ast.walk(_parse(expression)) if isinstance(n, ast.Name)}


def _parse(expression: str) -> ast.Expression:
    try:
        return ast.parse(expression, mode="eval")
    except SyntaxError:
        raise RuleError(f"เงื่อนไข “{expression}” เขียนไม่ถูกต้อง") from None


def evaluate(expression: str, numbers: dict[str, float]) -> bool:
    def ev(node):
        match node:
            case ast.Expression(body=body):
                return ev(body)
            case ast.Constant(value=v) if isinstance(v, int | float) and not isinstance(v, bool):
                return v
            case ast.Name(id=name):
                if name not in numbers:
                    raise RuleError(f"ไม่รู้จักตัวเลข “{name}”")
                return numbers[name]
            case ast.BinOp(left=a, op=op, right=b) if type(op) in BIN:
                return BIN[type(op)](ev(a), ev(b))
            case ast.UnaryOp(op=ast.USub(), operand=a):
                return -ev(a)
            case ast.UnaryOp(op=ast.Not(), operand=a):
                return not ev(a)
            case ast.BoolOp(op=ast.And(), values=vs):
                return all(ev(v) for v in vs)
            case ast.BoolOp(op=ast.Or(), values=vs):
                return any(ev(v) for v in vs)
            case ast.Compare(left=left, ops=ops, comparators=rights):
                value = ev(left)
                for op, right in zip(ops, rights, strict=True):
                    if type(op) not in CMP:
                        raise RuleError("ใช้ตัวเปรียบเทียบนี้ไม่ได้")
                    other = ev(right)
                    if not CMP[type(op)](value, other):
                        return False
                    value = other
                return True
        raise RuleError("เงื่อนไขใช้รูปแบบที่ไม่อนุญาต")

    try:
        return bool(ev(_parse(expression)))
    except ZeroDivisionError:
        raise RuleError(f"เงื่อนไข “{expression}” หารด้วยศูนย์ (ตัวหารเป็น 0 ในข้อมูลชุดนี้)") from None
    except (ArithmeticError, RecursionError, TypeError):
        raise RuleError(f"เงื่อนไข “{expression}” คำนวณไม่ได้") from None

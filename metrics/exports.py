"""Tables as CSV or XLSX files, exactly as the dashboard shows them (suppressed)."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook


def table_response(*, headings: list[str], rows: list[list], filename: str, fmt: str):
    if fmt == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append([str(h) for h in headings])
        for row in rows:
            sheet.append(
                [cell if isinstance(cell, int | float) else str(cell) for cell in row]
            )
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([str(h) for h in headings])
        writer.writerows([[str(cell) for cell in row] for row in rows])
        response = HttpResponse(
            buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response

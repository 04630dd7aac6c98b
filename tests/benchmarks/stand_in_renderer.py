"""A certificate renderer for the credential benchmark (`CERTIFICATE_RENDERER`
in its worker's environment): a fixed one-page PDF in place of WeasyPrint's
print, so that what the benchmark times is everything else a certificate's task
does: the broker, the row lock, the certificate's HTML and QR code (still made,
they are passed in), storing the file, both credential proofs, the credential's
row and the e-mail."""


def _minimal_pdf() -> bytes:
    """A valid PDF 1.4 of one empty A4 landscape page (offsets computed, so
    that a reader's xref check passes)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    body += b"startxref\n%d\n%%%%EOF\n" % xref
    return body


MINIMAL_PDF = _minimal_pdf()


def minimal_pdf(html: str) -> bytes:
    return MINIMAL_PDF

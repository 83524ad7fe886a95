import { NextResponse } from "next/server";

// Unknown API paths answer in the API's JSON error shape rather than with an HTML page.
function notFound() {
  return NextResponse.json({ error: "No such API endpoint." }, { status: 404 });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };

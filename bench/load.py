"""Load: many staff at once over JSON-RPC against Odoo in multi-process mode.

Every simulated employee logs in, opens the "To Read" list and acknowledges the same
new revision; every tenth also reports a nonconformity. Afterwards the database is
checked: each success answer is in it exactly once. Loopback only, bounded in count
and time.
"""

import statistics
import subprocess
import tempfile
import threading
import time
import uuid

import harness
import requests

TIMEOUT = 120  # seconds for one request; the whole run is bounded by the user count
# requests in flight at once, as a reverse proxy queues them in front of Odoo's workers
# (whose listen backlog is 8 per worker: more simultaneous connections are reset)
IN_FLIGHT = 24


def _rpc(session, url, model, method, args, kwargs=None, gate=None):
    with gate:
        response = session.post(
            f"{url}/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            },
            timeout=TIMEOUT,
        )
    response.raise_for_status()
    body = response.json()
    if "error" in body:
        raise RuntimeError(body["error"]["data"]["message"])
    return body["result"]


def _prepare_revision(env, info):
    """A new procedure distributed to all staff: the revision everybody acknowledges."""
    doc_type = env["quality.document.type"].browse(info["doc_type"])
    document = env["quality.document"].create(
        {"name": "Load test procedure", "type_id": doc_type.id, "distribute_to_all": True}
    )
    revision = env["quality.document.revision"].create({"document_id": document.id})
    env.cr.execute(
        "UPDATE quality_document_revision SET state = 'effective' WHERE id = %s",
        (revision.id,),
    )
    revision.invalidate_recordset()
    revision._distribute()
    return revision.id


def run_load(env_vars, odoo_root, db_args, db, info, registry, workers=4):
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        revision_id = _prepare_revision(env, info)
        users = env["res.users"].browse(info["user_ids"]).read(["login"])
        cr.execute(
            "SELECT user_id, department_id FROM hr_employee WHERE user_id = ANY(%s)",
            (info["user_ids"],),
        )
        units = dict(cr.fetchall())
        cr.commit()
    port = harness.free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = harness.odoo_command(
        odoo_root,
        db_args,
        db,
        "--workers",
        str(workers),
        "--max-cron-threads",
        "0",
        "--http-interface",
        "127.0.0.1",
        "--http-port",
        str(port),
        "--log-level",
        "warn",
        "--limit-time-real",
        "300",
    )
    # the server's log goes to a file: a pipe nobody reads would fill and stall it
    server_log = tempfile.TemporaryFile(mode="w+")
    server = subprocess.Popen(cmd, env=env_vars, stdout=subprocess.DEVNULL, stderr=server_log)
    try:
        for _ in range(120):
            try:
                if requests.get(f"{url}/web/login", timeout=5).ok:
                    break
            except requests.RequestException:
                time.sleep(1)
        token = uuid.uuid4().hex[:8]
        latencies, errors, acknowledged, reported, spans = [], [], {}, {}, []
        lock = threading.Lock()
        gate = threading.BoundedSemaphore(IN_FLIGHT)
        logged_in = threading.Semaphore(0)
        go = threading.Event()

        def staff(index, user):
            session = requests.Session()
            try:
                with gate:
                    session.post(
                        f"{url}/web/session/authenticate",
                        json={
                            "jsonrpc": "2.0",
                            "params": {"db": db, "login": user["login"], "password": user["login"]},
                        },
                        timeout=TIMEOUT,
                    ).raise_for_status()
            except (requests.RequestException, RuntimeError) as error:
                with lock:
                    errors.append(f"login {user['login']}: {error}")
                return
            finally:
                logged_in.release()
            go.wait(timeout=TIMEOUT * 5)
            mine = []
            for step in ["read", "ack"] + (["nc"] if index % 10 == 0 else []):
                start = time.perf_counter()
                try:
                    if step == "read":
                        todo = _rpc(
                            session,
                            url,
                            "quality.document.acknowledgement",
                            "web_search_read",
                            [[("user_id", "=", user["id"]), ("state", "=", "pending")]],
                            {"specification": {"revision_id": {}, "state": {}}, "limit": 80},
                            gate=gate,
                        )["records"]
                        mine = [r["id"] for r in todo if r["revision_id"] == revision_id]
                    elif step == "ack":
                        if mine:
                            _rpc(
                                session,
                                url,
                                "quality.document.acknowledgement",
                                "action_acknowledge",
                                [mine],
                                gate=gate,
                            )
                            with lock:
                                acknowledged[user["id"]] = mine[0]
                    else:
                        department = units[user["id"]]
                        nc_id = _rpc(
                            session,
                            url,
                            "quality.nonconformity",
                            "create",
                            [
                                {
                                    "department_id": department,
                                    "description": f"load-{token}-{index}",
                                }
                            ],
                            gate=gate,
                        )
                        with lock:
                            reported[index] = nc_id[0] if isinstance(nc_id, list) else nc_id
                except (requests.RequestException, RuntimeError) as error:
                    with lock:
                        errors.append(f"{step} {user['login']}: {error}")
                    continue
                with lock:
                    latencies.append((time.perf_counter() - start) * 1000)
                    spans.append((start, time.perf_counter()))

        threads = [
            threading.Thread(target=staff, args=(i, u), daemon=True) for i, u in enumerate(users)
        ]
        for thread in threads:
            thread.start()
        for _ in threads:  # everybody logged in (or failed to): then all at once
            logged_in.acquire(timeout=TIMEOUT * 5)
        go.set()
        for thread in threads:
            thread.join(timeout=TIMEOUT * 5)
        # from the moment everybody is logged in to the last answer
        wall = max(end for _, end in spans) - min(start for start, _ in spans) if spans else 0
    finally:
        server.terminate()
        server.wait(timeout=60)
        server_log.seek(0)
        server_errors = [line for line in server_log if " ERROR " in line]
        server_log.close()
    # what got a success answer is in the database, exactly once
    with registry.cursor() as cr:
        cr.execute(
            "SELECT user_id, count(*) FILTER (WHERE state = 'done'), count(*) "
            "FROM quality_document_acknowledgement WHERE revision_id = %s GROUP BY user_id",
            (revision_id,),
        )
        rows = {user: (done, total) for user, done, total in cr.fetchall()}
        lost_acks = [u for u in acknowledged if rows.get(u) != (1, 1)]
        cr.execute(
            "SELECT description, count(*) FROM quality_nonconformity "
            "WHERE description LIKE %s GROUP BY description",
            (f"load-{token}-%",),
        )
        ncs = dict(cr.fetchall())
        lost_ncs = [i for i in reported if ncs.get(f"load-{token}-{i}") != 1]
        extra_ncs = len(ncs) - len(reported)
    latencies.sort()

    def pct(p):
        return latencies[min(int(len(latencies) * p), len(latencies) - 1)] if latencies else 0.0

    figures = {
        "users": len(users),
        "workers": workers,
        "requests": len(latencies),
        "errors": len(errors),
        "server_error_lines": len(server_errors),
        "seconds": wall,
        "throughput_rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "mean_ms": statistics.mean(latencies) if latencies else 0.0,
        "acknowledged": len(acknowledged),
        "reported": len(reported),
        "lost_acknowledgements": len(lost_acks),
        "lost_or_doubled_nonconformities": len(lost_ncs) + max(extra_ncs, 0),
    }
    print("\nLoad (JSON-RPC, multi-process):")
    for key, value in figures.items():
        print(f"  {key}: {value:.1f}" if isinstance(value, float) else f"  {key}: {value}")
    for error in errors[:5] + server_errors[:5]:
        print("  error:", error.strip()[:200])
    return figures
